// Writes a small archive whose notes carry every payload of
// tests/fixtures/xss-payloads.html, as raw HTML and inside Markdown, next to
// benign HTML that must survive (an image, a sponsor block, a video embed).
//   node tests/e2e/make-hostile-archive.mjs OUT_DIR
import fs from 'node:fs';
import path from 'node:path';

const out = process.argv[2];
const root = path.resolve(import.meta.dirname, '../..');
const payloads = fs
  .readFileSync(path.join(root, 'tests/fixtures/xss-payloads.html'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('<!--'));

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
// The show's links are the author's words too: markup stays text, and an
// address that is not a web address is left out.
fs.writeFileSync(
  path.join(out, 'site.yaml'),
  [
    'title: Hostile notes',
    'language: en',
    'subscribe: { apple: "javascript:window.__pwned=1", "<b onmouseover=window.__pwned=1>app</b>": "https://app.example/show" }',
    'funding: [{ url: "support/", label: "<img src=x onerror=window.__pwned=1>" }]',
    '',
  ].join('\n'),
);
fs.writeFileSync(path.join(out, 'pixel.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="#c00"/></svg>');

const benign = [
  '<p class="sponsor" id="sponsor-block">Sponsored by <b>Acme</b> <img src="pixel.svg" alt="Acme logo" width="8" height="8"></p>',
  '',
  '<iframe width="420" height="315" src="//www.youtube.com/embed/gGxWzVMRpHo" frameborder="0" allowfullscreen></iframe>',
  '',
  'line one<br>line two',
];
const raw = payloads.flatMap((p) => [p, '']);
const markdown = [
  '[md javascript link](javascript:window.__pwned=101)',
  '',
  '[md data link](data:text/html,<script>window.__pwned=102</script>)',
  '',
  '![md image](x "title" onerror=window.__pwned=103)',
  '',
  '<javascript:window.__pwned=104>',
];
const episode = (n, title, body, front = []) =>
  fs.writeFileSync(path.join(out, `2024-01-0${n}-hostile-${n}.md`), ['---', `title: ${title}`, `episode: ${n}`, ...front, '---', ...body, ''].join('\n'));
episode(1, 'Raw HTML payloads', [...benign, '', ...raw]);
// Its transcript is on another host: the browser reads it (the tests
// answer for that host).
episode(2, 'Markdown payloads', markdown, ['transcript: https://transcripts.example/hostile-2.vtt']);
// A broken file beside them: the build leaves it out, with a report, and
// the others publish (see scripts/test).
fs.writeFileSync(path.join(out, '2024-01-03-hostile-3.md'), '---\ntitle: [never closed\nepisode: 3\n---\nNotes.\n');
console.log(`wrote ${payloads.length} raw payloads and ${markdown.filter(Boolean).length} Markdown ones, and one broken file, to ${out}`);
