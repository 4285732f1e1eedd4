// The demo archive's episodes (content/*.md), as the tests of every
// engine find them on the page. Shared by the Playwright suite
// (tests/e2e) and the cross-engine suite (tests/engines).
import fs from 'node:fs';
import path from 'node:path';

/** The demo episodes as the content folder defines them, newest first. */
export function demoEpisodes() {
  const dir = path.resolve(import.meta.dirname, '../../content');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const title = /^title:\s*"?(.*?)"?\s*$/m.exec(text)[1];
      const episode = /^episode:\s*(\d+)/m.exec(text)?.[1];
      const transcript = /^transcript:\s*(\S+)/m.exec(text)?.[1];
      return {
        file,
        title,
        date: file.slice(0, 10),
        episode: episode ? Number(episode) : null,
        slug: file.slice(11, -3),
        // The starts (seconds) of a WebVTT transcript's cues, read from
        // the file the test compares the page with.
        cueStarts: () =>
          [...fs.readFileSync(path.join(dir, transcript), 'utf8').matchAll(/^(\d+):(\d\d):(\d\d\.\d+) -->/gm)].map(
            ([, h, m, s]) => Number(h) * 3600 + Number(m) * 60 + Number(s),
          ),
      };
    })
    .sort((a, b) => b.date.localeCompare(a.date));
}
