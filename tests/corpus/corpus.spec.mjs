// Every post of a real archive renders: title, notes, the right audio, no
// Liquid left over, no console error.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, renderedBoth } from '../e2e/fixtures.mjs';

const postsDir = process.env.CORPUS_POSTS;
// `template:` + a URL with {episode}, or `url` (the front matter's own).
const audioRule = process.env.CORPUS_AUDIO ?? '';

const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
const field = (yaml, key) => {
  const m = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(yaml);
  if (!m) return undefined;
  const v = m[1].trim();
  return /^(['"]).*\1$/.test(v) ? v.slice(1, -1).replace(/''/g, "'") : v;
};
// Without CORPUS_POSTS (a generator's archive in TOML or nested keys, read
// independently by check-generator.py), the episodes are the index's own.
const posts = (postsDir ? walk(postsDir) : [])
  .filter((f) => /\.(md|markdown)$/.test(f))
  .map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)[1];
    const number = field(yaml, 'episode') ?? field(yaml, 'number');
    return { file: path.basename(file), title: field(yaml, 'title'), number, url: field(yaml, 'url') };
  });

// The slug rule of the viewer, written again here as an independent check:
// the file name without its date and extension, accents folded, lowercased,
// other runs of characters turned into "-".
const slugOf = (file) =>
  file
    .replace(/\.(md|markdown)$/, '')
    .replace(/^\d{4}-\d{2}-\d{2}-/, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// Without CORPUS_POSTS, the episodes are the built site's own pages, each
// with its slug (its folder) and title (its h1): the index leaves out
// slugs it can rebuild, with a rule this file does not repeat.
function staticEpisodes(dist) {
  const dir = path.join(dist, 'episodes');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const html = fs.readFileSync(path.join(dir, d.name, 'index.html'), 'utf8');
      const title = /<h1>(.*?)<\/h1>/s.exec(html)[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'");
      return { file: d.name, title, slug: d.name };
    });
}

let index;
test.beforeAll(async ({ request }) => {
  const head = await (await request.get('index.json')).json();
  const parts = await Promise.all((head.parts ?? []).map(async (p) => (await request.get(p)).json()));
  index = { ...head, episodes: [...head.episodes, ...parts.flat()] };
});

// Nothing outside loopback is reachable here: answer for the old host,
// whose images (an episode's artwork on its card) pages still name.
test.beforeEach(async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
});

test('every file is indexed', async () => {
  test.skip(!postsDir, 'checked by check-generator.py');
  expect(index.episodes).toHaveLength(posts.length);
  expect(index.episodes.map((e) => e.title).sort()).toEqual(posts.map((p) => p.title.replace(/\s+/g, ' ')).sort());
});

test('the browser renders every episode\'s notes byte for byte as the build did', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  const both = await renderedBoth(page);
  expect(both).toHaveLength(index.episodes.length);
  for (const { slug, built, browser } of both) expect(browser, slug).toBe(built);
});

test('the interface speaks the site language, numbers and dates included', async ({ page }) => {
  const language = index.site.language ?? 'en';
  const word = { fr: 'épisodes', en: 'episodes', de: 'Folgen' }[language.slice(0, 2)];
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  if (word) {
    const n = index.episodes.length.toLocaleString(language).replace(/\u00a0/g, '\u202f');
    await expect(page.locator('p.count')).toHaveText(`${n} ${word}`);
  }
  // The language's own month names, as the browser's Intl writes them.
  const names = Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat(language, { month: 'long' }).format(new Date(2024, m, 15)));
  await expect(page.locator('.episode-card time').first()).toHaveText(new RegExp(`(${names.join('|')})`));
});

for (const post of postsDir ? posts : staticEpisodes(process.env.CORPUS_DIST)) {
  test(`${post.file} renders`, async ({ page }) => {
    const entry = index.episodes.find((e) => e.title === post.title.replace(/\s+/g, ' '));
    expect(entry, post.title).toBeTruthy();
    await page.goto(`episodes/${entry.slug ?? post.slug ?? slugOf(post.file)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(entry.title);
    const notes = page.locator('.show-notes');
    // Some generators' episodes have (almost) no notes in their file: what
    // was published is what the page must show.
    const published = fs
      .readFileSync(path.join(process.env.CORPUS_DIST, 'notes', `${entry.slug ?? post.slug ?? slugOf(post.file)}.html`), 'utf8')
      .replace(/^<!-- notes -->/, '')
      .replace(/<[^>]*>/g, ' ')
      .trim();
    if (postsDir || published.length > 20) {
      await expect(notes).toBeVisible();
      expect((await notes.innerText()).trim().length).toBeGreaterThan(20);
    } else {
      await expect(notes).toBeAttached();
    }
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('{%');
    expect(text).not.toContain('{{');
    if (!postsDir) {
      // The audio itself is checked against the generator's convention by
      // check-generator.py; here, the page plays what the index says.
      if (entry.audio) await expect(page.locator('.episode-links a[download]')).toHaveAttribute('href', entry.audio);
    } else if (post.number != null) {
      const want = audioRule.startsWith('template:') ? audioRule.slice('template:'.length).replace('{episode}', post.number) : post.url;
      // The download link is the file the player plays.
      await expect(page.locator('.episode-links a[download]')).toHaveAttribute('href', want);
    }
  });
}
