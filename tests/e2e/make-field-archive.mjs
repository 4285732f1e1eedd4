// Writes a small archive kept the way other site generators keep theirs,
// for tests/e2e/field.spec.mjs: a Zola page with its podcast keys under
// `[extra]`, a WordPress post exported by jekyll-import (the enclosure's
// URL, length and type a line each, notes in HTML), an unnumbered trailer
// with audio, and a news post.
//   node tests/e2e/make-field-archive.mjs OUT_DIR
import fs from 'node:fs';
import path from 'node:path';

const out = process.argv[2];
const root = path.resolve(import.meta.dirname, '../..');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'audio'), { recursive: true });
// Real audio, so that the trailer plays; its length is the file's.
fs.copyFileSync(path.join(root, 'content/audio/tas-1.mp3'), path.join(out, 'audio/trailer.mp3'));
const write = (name, lines) => fs.writeFileSync(path.join(out, name), lines.join('\n') + '\n');

write('site.yaml', [
  'title: Field Recordings',
  'description: A show kept the way other generators keep theirs.',
  'language: en_GB',
  'url: https://field.example/show/',
  'category: Science > Nature',
  'owner: { name: Ebba Lind, email: ebba@field.example }',
]);
write('2024-01-05-coming-soon.md', [
  '---',
  'title: Coming soon',
  'episodeType: trailer',
  'audio: audio/trailer.mp3',
  'duration: "0:05"',
  '---',
  'What the show will be: [the first episode](2024-02-01-dawn-chorus.md) and [its birds](#birds).',
  '',
  '## Birds',
  '',
  'Robins, mostly.',
]);
write('2024-02-01-dawn-chorus.md', [
  '+++',
  'title = "Dawn chorus"',
  'date = 2024-02-01T05:30:00+01:00',
  '[extra]',
  'episode = 1',
  'audio = "https://media.field.example/dawn-chorus.mp3"',
  'audio_size = 7340032',
  'duration = "21:05"',
  '+++',
  'Recorded before sunrise in a beech wood.',
]);
write('2024-03-01-the-heron.md', [
  '---',
  'title: The heron',
  'layout: post',
  'wordpress_id: 412',
  'episode: 2',
  'meta:',
  '  enclosure: "https://media.field.example/heron.mp3\\n38111222\\naudio/mpeg\\n"',
  '---',
  '<p>A grey heron waits at the weir &amp; we wait with it.</p>',
  '<p>Then it strikes.</p>',
]);
write('2024-03-10-new-microphones.md', [
  '---',
  'title: New microphones',
  '---',
  'We have new microphones.',
]);
