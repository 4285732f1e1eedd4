// CI-only: every episode of a built real archive has a static page that
// reads without JavaScript. Serves the site as a static host does, fetches
// each `episodes/{slug}/` over HTTP (no script runs), and finds its title
// and its notes in the HTML. Prints "N passed, N failed".
//   node tests/corpus/check-static-pages.mjs SITE_DIR
import { serveSite } from '../common/serve.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { checker, readEpisodes } from './checks.mjs';

const dir = process.argv[2];
const port = 8191;
const base = `http://127.0.0.1:${port}/podcast/`;
const server = await serveSite(dir, port, { base: '/podcast/' });

const { episodes } = readEpisodes(dir);
// Text as a browser reads it: an escaper may write `'` as is or as `&apos;`.
const unescape = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;|&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');
const textOf = (html) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

const { check, finish } = checker();
// The index leaves out slugs equal to the title's own; the notes files
// are named by slug, so take the slugs from there.
const slugs = fs.readdirSync(path.join(dir, 'notes')).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5));
check(slugs.length === episodes.length, `${slugs.length} notes files for ${episodes.length} episodes`);
const titles = new Set(episodes.map((e) => e.title));
for (const slug of slugs) {
  const response = await fetch(`${base}episodes/${slug}/`);
  const html = await response.text();
  check(response.ok && /text\/html/.test(response.headers.get('content-type')), `episodes/${slug}/ is served as HTML (${response.status})`);
  const h1 = /<h1>(.*?)<\/h1>/.exec(html)?.[1];
  const title = h1 === undefined ? undefined : unescape(h1);
  check(title !== undefined && titles.has(title), `episodes/${slug}/ has its title (${title})`);
  const notes = fs.readFileSync(path.join(dir, 'notes', `${slug}.html`), 'utf8').replace(/^<!-- notes -->\s*/, '');
  const words = textOf(notes).slice(0, 120);
  check(html.includes('<div class="show-notes prose">') && textOf(html).includes(words), `episodes/${slug}/ has its notes ("${words.slice(0, 40)}…")`);
  check(/<meta property="og:title"/.test(html) && /application\/ld\+json/.test(html), `episodes/${slug}/ has link-preview tags`);
}
console.log(`static pages: ${slugs.length} episodes`);
await server.stop();
finish();
