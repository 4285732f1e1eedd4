// CI-only: the search engine finds what is in a real archive.
//   node tests/corpus/check-search.mjs SITE POSTS_DIR BASE QUERY...
// For each query, the episodes whose notes, title or people hold a word
// starting with it (accents and case folded, front matter keys, link
// addresses and tags left out) are counted straight from the Markdown
// files; the built site's search engine, asked in Chromium, must return
// at least 90 % of them. Prints "N passed, N failed".
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { checker } from './checks.mjs';

const [site, postsDir, base, ...queries] = process.argv.slice(2);
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));

/** The words a reader sees in a post: its title and people, and its notes. */
function words(file) {
  const text = fs.readFileSync(file, 'utf8');
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const wanted = new Set(['title', 'guests', 'guest', 'team', 'hosts', 'authors', 'author']);
  const kept = fm ? fm[1].split('\n').filter((l) => wanted.has(/^\s*([\w-]+):/.exec(l)?.[1] ?? '') || /^\s+-\s/.test(l)) : [];
  const body = (fm ? text.slice(fm[0].length) : text)
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  return new Set(fold(`${kept.join(' ')} ${body}`).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

const posts = walk(postsDir).filter((f) => /\.(md|markdown)$/.test(f)).map(words);
const port = 8790;
const server = spawn('node', ['scripts/static-server.mjs', '--dir', site, '--port', String(port), '--base', base], { stdio: 'ignore' });
const { check, finish } = checker();
try {
  await new Promise((r) => setTimeout(r, 800));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}${base}robots.txt`);
  for (const q of queries) {
    const expected = posts.filter((w) => [...w].some((word) => word.startsWith(fold(q)))).length;
    const found = await page.evaluate(async ([q, base]) => {
      const engine = await import(`${base}pagefind/pagefind.js`);
      return (await engine.search(q)).results.length;
    }, [q, base]);
    console.log(`${q}: the engine finds ${found}, the files hold ${expected}`);
    check(expected > 0, `${q}: the archive holds it`);
    check(found >= Math.ceil(expected * 0.9), `${q}: ${found} found, at least 90 % of ${expected} wanted`);
  }
  await browser.close();
} finally {
  server.kill();
}
finish();
