// Runs a command whenever a file of a folder changes, once the changes
// pause: scripts/serve rebuilds the index and pages when an author edits
// the content folder, so a reload shows the new notes.
//   node scripts/watch-content.mjs DIR -- COMMAND [ARGS...]
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const [dir, dashes, command, ...args] = process.argv.slice(2);
if (!dir || dashes !== '--' || !command) {
  console.error('usage: watch-content.mjs DIR -- COMMAND [ARGS...]');
  process.exit(2);
}
// Editors save in bursts (a swap file, the file, its backup).
const PAUSE_MS = 300;
let timer;
let running = false;
let again = false;

function run() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  const child = spawn(command, args, { stdio: 'inherit' });
  child.on('exit', (code) => {
    running = false;
    console.error(code === 0 ? `rebuilt after a change in ${dir}` : `rebuild failed (status ${code}); fix the file and save again`);
    if (again) {
      again = false;
      run();
    }
  });
}

fs.watch(dir, { recursive: true }, (_, name) => {
  // Editors' own files are not content.
  if (name && /(^|\/)(\.|#)|~$|\.sw[a-p]$/.test(name)) return;
  clearTimeout(timer);
  timer = setTimeout(run, PAUSE_MS);
});
console.error(`watching ${dir}: a change rebuilds the index and pages`);
