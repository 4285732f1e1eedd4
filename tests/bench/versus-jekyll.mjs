// The real archive against the site Jekyll builds from the same posts.
//   node tests/bench/versus-jekyll.mjs --ours SITE_DIR --posts _POSTS_DIR --work DIR [--runs 5] [--out FILE]
// SITE_DIR is this project's site of the archive, built with public URL /.
// Jekyll (Debian's `jekyll`, with its default theme, minima) builds the
// same posts, read in place, into DIR. Both are served on loopback and
// measured alternately, each run in a fresh browser context (cold cache):
// the listing's largest contentful paint, and a click on an episode to its
// notes on screen, for the newest episode and for the one with the longest
// notes. Prints a Markdown section, and appends it to FILE.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serveSite } from '../common/serve.mjs';
import { launchChromium } from './chromium.mjs';
import { median, ms, count } from './figures.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const ours = path.resolve(opt('ours'));
const posts = path.resolve(opt('posts'));
const work = path.resolve(opt('work'));
const runs = Number(opt('runs', 5));
const outFile = opt('out', null);

/** Minima's own layouts; a post naming another gets a shim over `post`. */
const MINIMA_LAYOUTS = new Set(['default', 'home', 'page', 'post']);

/**
 * Writes a Jekyll site over `posts` into `work/src` and builds it into
 * `work/site`. Each post is linked, not copied. Liquid in posts is not
 * rendered (`render_with_liquid: false`): a sample of an archive lacks the
 * includes, files and other posts its tags name, and the pages' weight is
 * the same. Our episode pages are at `/episodes/{slug}/`, as Jekyll's
 * `:title` gives them here, so one address names an episode on both.
 */
function buildJekyll() {
  const src = path.join(work, 'src');
  const site = path.join(work, 'site');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(src, '_posts'), { recursive: true });
  fs.mkdirSync(path.join(src, '_layouts'));
  const title = JSON.parse(fs.readFileSync(path.join(ours, 'index.json'), 'utf8')).site?.title ?? 'Podcast';
  fs.writeFileSync(path.join(src, '_config.yml'), [
    `title: ${JSON.stringify(title)}`,
    'theme: minima',
    'permalink: /episodes/:title/',
    'defaults:',
    '  - scope: { path: "", type: posts }',
    '    values: { render_with_liquid: false }',
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(src, 'index.md'), '---\nlayout: home\n---\n');
  const layouts = new Set();
  for (const name of fs.readdirSync(posts, { recursive: true })) {
    const file = path.join(posts, name);
    if (!/\.(md|markdown|html)$/.test(name) || !fs.statSync(file).isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(src, '_posts', name)), { recursive: true });
    fs.symlinkSync(file, path.join(src, '_posts', name));
    const layout = /^---\r?\n[\s\S]*?^layout:\s*['"]?([\w-]+)/m.exec(fs.readFileSync(file, 'utf8'))?.[1];
    if (layout && !MINIMA_LAYOUTS.has(layout)) layouts.add(layout);
  }
  for (const layout of layouts) fs.writeFileSync(path.join(src, '_layouts', `${layout}.html`), '---\nlayout: post\n---\n{{ content }}\n');
  execFileSync('jekyll', ['build', '--quiet', '-s', src, '-d', site], { stdio: 'inherit' });
  return site;
}

/** The slug of the episode with the longest notes, by the notes' bytes. */
function longestNotes() {
  const dir = path.join(ours, 'notes');
  const [largest] = fs.readdirSync(dir).filter((f) => f.endsWith('.html'))
    .map((f) => [f, fs.statSync(path.join(dir, f)).size]).sort((a, b) => b[1] - a[1]);
  return largest[0].replace(/\.html$/, '');
}

// When the page was clicked, and when its largest contentful paint was, as
// times since the epoch, so that a click and the next document's paint
// compare. The click is kept in sessionStorage, which the next page reads.
const INIT = () => {
  addEventListener('click', (e) => sessionStorage.setItem('clickedAt', String(performance.timeOrigin + e.timeStamp)), true);
  window.__lcp = NaN;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => { window.__lcp = e.startTime; }))
    .observe({ type: 'largest-contentful-paint', buffered: true });
};

/**
 * One cold visit: the listing's LCP, then, after it has rested as a
 * listener's page does (ours fetches the notes of cards in view then),
 * a click on the link to `episodes/{slug}/` and the time to its notes on screen: on
 * our site the app's route change, to the frame painted with the notes
 * (a message posted from that frame's animation callback runs once it is
 * painted); on Jekyll's, a page load, to the new page's LCP.
 */
async function visit(browser, base, slug, app) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(INIT);
  try {
    await page.goto(base);
    await page.waitForTimeout(1000);
    const lcp = await page.evaluate(() => window.__lcp);
    const link = page.locator(`a[href$="episodes/${slug}/"]`).first();
    if (!(await link.count())) return { lcp, click: NaN };
    await link.scrollIntoViewIfNeeded();
    await page.waitForTimeout(2500);
    if (app) {
      await page.evaluate(() => {
        window.__shown = new Promise((resolve) => {
          const painted = () => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
            channel.port2.postMessage(0);
          };
          // The first frame that has the notes posts the message: one
          // more animation callback would wait a frame longer.
          const tick = () => requestAnimationFrame(() => (document.querySelector('#app .show-notes') ? painted() : tick()));
          tick();
        });
      });
      await link.click();
      const [clicked, shown] = await page.evaluate(async () => [Number(sessionStorage.getItem('clickedAt')), await window.__shown]);
      return { lcp, click: shown - clicked };
    }
    await Promise.all([page.waitForURL(`**/episodes/${slug}/`), link.click()]);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    const click = await page.evaluate(() => performance.timeOrigin + window.__lcp - Number(sessionStorage.getItem('clickedAt')));
    return { lcp, click };
  } finally {
    await context.close();
  }
}

const jekyll = buildJekyll();
const newest = JSON.parse(fs.readFileSync(path.join(ours, 'index.json'), 'utf8')).episodes[0];
// The listing's first card, newest first.
const newestSlug = fs.readFileSync(path.join(ours, 'index.html'), 'utf8').match(/class="card-title"><a href="[^"]*episodes\/([^/"]+)\/"/)?.[1];
if (!newestSlug) throw new Error(`no episode card in ${path.join(ours, 'index.html')}`);
const longest = longestNotes();
const browser = await launchChromium();
const sites = [await serveSite(ours, 8390), await serveSite(jekyll, 8391)];
const figures = { ours: { lcp: [], newest: [], longest: [] }, jekyll: { lcp: [], newest: [], longest: [] } };
try {
  for (let i = 0; i < runs; i++) {
    for (const [name, site] of [['ours', sites[0]], ['jekyll', sites[1]]]) {
      for (const [which, slug] of [['newest', newestSlug], ['longest', longest]]) {
        const { lcp, click } = await visit(browser, site.url, slug, name === 'ours');
        if (which === 'newest') figures[name].lcp.push(lcp);
        figures[name][which].push(click);
      }
    }
  }
} finally {
  await browser.close();
  await Promise.all(sites.map((s) => s.stop()));
}

const notesKb = (slug) => `${(fs.statSync(path.join(ours, 'notes', `${slug}.html`)).size / 1024).toFixed(0)} KB`;
const row = (label, key, goal) => {
  // A visit that could not take its measure does not count.
  const taken = (xs) => median(xs.filter((x) => !Number.isNaN(x)));
  const [a, b] = [taken(figures.ours[key]), taken(figures.jekyll[key])];
  const ratio = a / b;
  const status = Number.isNaN(ratio) ? 'not measured' : ratio <= goal ? 'met' : '**missed**';
  return `| ${label} | ${ms(a)} | ${ms(b)} | ${Number.isNaN(ratio) ? '–' : `${ratio.toFixed(2)}×`} | ≤ ${goal}× | ${status} |`;
};
const postCount = fs.readdirSync(path.join(ours, 'notes')).filter((f) => f.endsWith('.html')).length;
const section = [
  '',
  `## The real archive against Jekyll (${postCount} posts of Les Cast Codeurs)`,
  '',
  `Jekyll ${execFileSync('jekyll', ['--version']).toString().trim().replace(/^jekyll /, '')} builds the same posts with its default theme, minima (\`tests/bench/versus-jekyll.mjs\`); ${count(runs, 'round')}, each visiting both sites cold for each click, alternating; medians. On Jekyll's site a click loads the episode's page; the notes are on screen at its largest contentful paint. In the app it is a route change, timed from the click event to the frame painted with the notes. Minima is a light theme: a heavier site's page would load more slowly, and the ratios would be smaller.`,
  '',
  '| Measure | This viewer | Jekyll | Ratio | Goal | Status |',
  '| --- | --- | --- | --- | --- | --- |',
  row('Listing: largest contentful paint', 'lcp', 0.5),
  row(`Listing click to notes on screen: the newest episode (${newest.number ? `#${newest.number}, ` : ''}${notesKb(newestSlug)} of notes)`, 'newest', 0.1),
  row(`Listing click to notes on screen: the longest notes (${notesKb(longest)})`, 'longest', 0.1),
  '',
].join('\n');
console.log(section);
if (outFile) fs.appendFileSync(outFile, section);
