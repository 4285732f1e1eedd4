// Writes sw.js into a built site from src/io/service-worker.js: the
// version is a hash of the build's shell (which names every hashed file of
// the app), and the shell list is the app's own files. Run by the
// post_build hook of release builds, and by the tests after restaging.
//   node scripts/make-service-worker.mjs SITE_DIR
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const template = fs.readFileSync(new URL('../src/io/service-worker.js', import.meta.url), 'utf8');
const own = /^(app-.*\.(js|wasm)|style-.*\.css|icon-.*\.svg|shell\.html|manifest\.webmanifest)$/;
const shell = fs.readdirSync(dir).filter((f) => own.test(f));
for (const sub of ['snippets']) {
  const root = path.join(dir, sub);
  if (fs.existsSync(root)) {
    for (const f of fs.readdirSync(root, { recursive: true })) {
      if (f.endsWith('.js')) shell.push(`${sub}/${f.split(path.sep).join('/')}`);
    }
  }
}
shell.sort();
const hash = crypto.createHash('sha256');
for (const f of shell) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
hash.update(template);
const version = hash.digest('hex').slice(0, 12);
const sw = template.replace("'__VERSION__'", JSON.stringify(version)).replace('__SHELL__', JSON.stringify(shell));
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.error(`service worker ${version}: ${shell.length} shell files`);
