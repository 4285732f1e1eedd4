// CI-only: checks that an indexed real archive lost nothing.
//   node tests/corpus/check-index.mjs POSTS_DIR OUT_DIR
// Every Markdown file is in the index with notes, dated, and episodes have
// the audio URL their settings promise. Prints "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';

const [postsDir, outDir] = process.argv.slice(2);
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
const files = walk(postsDir).filter((f) => /\.(md|markdown)$/.test(f));
const index = JSON.parse(fs.readFileSync(path.join(outDir, 'index.json'), 'utf8'));

let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else {
    failed++;
    console.error(`FAIL ${what}`);
  }
};

check(index.episodes.length === files.length, `${files.length} files, ${index.episodes.length} indexed`);
for (const e of index.episodes) {
  const notes = path.join(outDir, 'notes', `${e.slug}.html`);
  check(fs.existsSync(notes) && fs.statSync(notes).size > 20, `${e.slug} has notes`);
  check(/^\d{4}-\d{2}-\d{2}$/.test(e.date), `${e.slug} is dated`);
  check(e.title.trim().length > 0, `${e.slug} has a title`);
  if (e.number != null) check(typeof e.audio === 'string' && /^https?:\/\//.test(e.audio), `${e.slug} has an audio URL`);
}
const raw = fs.readFileSync(path.join(outDir, 'index.json'));
console.log(`index: ${index.episodes.length} episodes, ${raw.length} bytes`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
