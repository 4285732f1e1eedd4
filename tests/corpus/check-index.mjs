// CI-only: checks that an indexed real archive lost nothing.
//   node tests/corpus/check-index.mjs POSTS_DIR OUT_DIR
// Every Markdown file is in the index (all its parts), dated and titled,
// with its notes published; episodes have an audio URL (their own, or the
// site's template). Prints "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { checker, readEpisodes } from './checks.mjs';

const [postsDir, outDir] = process.argv.slice(2);
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
const files = walk(postsDir).filter((f) => /\.(md|markdown)$/.test(f));
const { head, episodes } = readEpisodes(outDir);

const { check, finish } = checker();

check(episodes.length === files.length, `${files.length} files, ${episodes.length} indexed`);
check((head.total ?? episodes.length) === files.length, `total ${head.total} matches`);
const notes = fs.readdirSync(path.join(outDir, 'notes')).filter((f) => f.endsWith('.html'));
check(notes.length === files.length, `${notes.length} notes files for ${files.length} posts`);
for (const f of notes) check(fs.statSync(path.join(outDir, 'notes', f)).size > 20, `${f} has notes`);
for (const e of episodes) {
  check(/^\d{4}-\d{2}-\d{2}$/.test(e.date), `${e.title} is dated`);
  check(e.title.trim().length > 0, `${e.date} has a title`);
  if (e.number != null) check(typeof e.audio === 'string' || typeof head.site.audio_url === 'string', `${e.title} has an audio URL`);
}
console.log(`index: ${episodes.length} episodes, ${fs.statSync(path.join(outDir, 'index.json')).size} bytes`);
finish();
