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
let running;
let again = false;

function run() {
  if (running) {
    again = true;
    return;
  }
  const child = spawn(command, args, { stdio: 'inherit', detached: true });
  running = child;
  child.on('exit', (code) => {
    running = undefined;
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
// Stopped with the server: a rebuild under way stops too (its whole
// process group: the indexer, Pagefind).
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (running) process.kill(-running.pid, 'SIGTERM');
    process.exit(0);
  });
}
console.error(`watching ${dir}: a change rebuilds the index and pages`);
