// Measures the built site in headless Chromium and prints a table.
//   node tests/bench/bench.mjs --runs 5 --out BENCHMARKS.md SITE_DIR... (each built with public URL /)
// Each site is served on loopback; every figure is the median of the runs,
// each run in a fresh browser context (cold cache).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { serveSite } from '../common/serve.mjs';
import { launchChromium } from './chromium.mjs';
import { median, ms, count } from './figures.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv.splice(i, 2)[1] : fallback;
};
const runs = Number(opt('runs', 5));
const outFile = opt('out', null);
const extraRows = opt('extra', null);
const sites = argv;

const QUERIES = ['kubernetes', 'rust', 'java', 'webassembly', 'postgresql', 'accessibilite', 'developpeur', 'ecole', 'docker', 'graphql',
  'observabilite', 'securite', 'compilateur', 'linux', 'typescript', 'performance', 'kafka', 'quarkus', 'gradle', 'terraform'];

const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
// The search engine's index files are compressed already; its scripts are
// sent compressed like every other.
const engineSize = (file) => (/\.(pf_\w+|pagefind)$/.test(file) ? fs.statSync(file).size : gzipSize(file));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const taskFigure = ([typical, worst]) => (Number.isNaN(worst) ? 'not measured' : `${ms(typical)} (worst ${ms(worst)})`);


/**
 * Runs `phase`, then `more` (whose result is dropped), under a Chromium
 * trace, and gives `phase`'s result with the longest task the page's main
 * thread ran meanwhile, in ms: the longest `RunTask` of `devtools.timeline`
 * on `CrRendererMain` of the page's own renderer, the figure the
 * Performance panel shows. (The Long Tasks API reports only tasks of 50 ms
 * and more, so its "none" could not tell 49 ms from 2.) The browser's
 * other renderers (its own internal pages) are left out: their tasks are
 * not the site's. Tracing itself slows the page a little: the figures err
 * long.
 */
async function traced(phase, more = async () => {}) {
  await browser.startTracing(undefined, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  let result;
  let buffer;
  try {
    result = await phase();
    await more();
  } finally {
    buffer = await browser.stopTracing();
  }
  const trace = JSON.parse(buffer.toString());
  const events = trace.traceEvents ?? trace;
  const main = new Set(events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  // The page's renderer: the process whose events name the site's loopback
  // address (its requests, scripts and parsing).
  const site = new Set(events.filter((e) => e.args && JSON.stringify(e.args).includes('http://127.0.0.1:')).map((e) => e.pid));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && site.has(e.pid) && main.has(`${e.pid}:${e.tid}`));
  // No task seen is a trace that failed, not a page with no work.
  return [result, tasks.length ? Math.max(...tasks.map((e) => e.dur / 1000)) : NaN];
}

async function measureOnce(browser, base, dir) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    // Cumulative layout shift, as Chromium counts it.
    window.__cls = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
    // The listing's largest contentful paint: the last entry before any input.
    window.__lcp = NaN;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => { window.__lcp = e.startTime; })).observe({ type: 'largest-contentful-paint', buffered: true });
    // When the app has hydrated the page and runs (see ui::dom::mark_running).
    new MutationObserver(() => {
      if (!window.__interactive && document.querySelector('#app[data-running]')) window.__interactive = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-running'] });
  });
  const requested = new Set();
  page.on('request', (r) => requested.add(new URL(r.url()).pathname));

  const now = () => page.evaluate(() => performance.now());

  const [{ listing, lcp, takeover }, longLoad] = await traced(async () => {
    await page.goto(base);
    await page.waitForSelector('.episode-card');
    // The listing is painted as the build wrote it; the app then hydrates it.
    await page.waitForFunction(() => window.__interactive);
    const painted = await page.evaluate(() => ({
      listing: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      lcp: window.__lcp,
      takeover: window.__interactive,
    }));
    // Large archives load their further index parts after the first paint.
    await page.waitForTimeout(1500);
    return painted;
  });
  const clsListing = await page.evaluate(() => window.__cls);

  // The windowed listing: from End at the top to the oldest episode's card
  // painted, the listing's DOM nodes there, and the longest task while the
  // listener scrolls (wheel, Page Up, Home, End, a drag of the thumb).
  const size = await page.evaluate(() => Number(document.querySelector('.episode-list > li').getAttribute('aria-setsize')));
  // Not traced: tracing slows the page, and this is a time. It includes
  // the browser's own smooth scroll to the end.
  const endToOldest = await (async () => {
    // The page listens before the key is pressed: Chromium may run an
    // input event ahead of a script the page has not started yet.
    await page.evaluate((n) => {
      let t0;
      addEventListener('keydown', () => { t0 = performance.now(); }, { once: true, capture: true });
      const tick = () => {
        const oldest = document.querySelector(`.episode-list > li[aria-posinset="${n}"] .card-title`);
        if (t0 !== undefined && oldest) requestAnimationFrame(() => { window.__endToOldest = performance.now() - t0; });
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, size);
    await page.keyboard.press('End');
    // Not there within 10 s: "not measured", not a hang.
    return page.waitForFunction(() => window.__endToOldest, null, { timeout: 10_000 })
      .then((h) => h.jsonValue(), () => NaN);
  })();
  const [, longScroll] = await traced(async () => {
    for (let i = 0; i < 10; i++) {
      await page.mouse.wheel(0, -1500);
      await page.waitForTimeout(30);
    }
    for (const key of ['PageUp', 'PageUp', 'Home', 'End']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(50);
    }
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await page.waitForTimeout(100);
  });
  await page.keyboard.press('End');
  await page.waitForTimeout(100);
  const listingNodes = await page.evaluate(() => document.querySelectorAll('.episode-list, .episode-list *').length);
  // Back at the top (keys scroll smoothly): the listing remembers where it
  // was left, and the phases below start from its first cards.
  await page.keyboard.press('Home');
  await page.waitForFunction(() => window.scrollY === 0);
  // The listing's own files, and apart, the notes fetched ahead where it
  // rested (ui::ahead): the cards in view, after load and each scroll.
  const firstView = [...requested].map((p) => path.join(dir, decodeURIComponent(p === '/' ? '/index.html' : p))).filter((f) => fs.existsSync(f));
  const isNotes = (f) => f.includes(`${path.sep}notes${path.sep}`);
  const listingBytes = firstView.filter((f) => !isNotes(f)).reduce((sum, f) => sum + gzipSize(f), 0);
  const aheadBytes = firstView.filter(isNotes).reduce((sum, f) => sum + gzipSize(f), 0);

  // Listing click to notes painted: the first card, whose notes the
  // listing fetched ahead at rest, as it does for a listener.
  const [notes, longNotes] = await traced(() => page.evaluate(() => new Promise((resolve) => {
    const t0 = performance.now();
    document.querySelector('.episode-card .card-title a').click();
    const tick = () => (document.querySelector('.show-notes') ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(tick));
    tick();
  })));
  await page.goBack();
  await page.waitForSelector('#viewer-search');

  // Search, as a listener meets it: the engine loads on the box's first
  // focus, and the first query is timed from that focus to its results
  // painted (engine, index chunks, the shown results' details); the fifth
  // query from its keystroke. Every query waits for its own results (the
  // list is `aria-busy` while a newer search runs).
  const query = (q, t0) => page.evaluate(([q, t0]) => new Promise((resolve) => {
    const input = document.querySelector('#viewer-search');
    const start = t0 ?? performance.now();
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const tick = () => {
      const done = new URLSearchParams(location.search).get('q') === q
        && document.querySelector('#app main [aria-busy="false"]') && !document.querySelector('#app main .loading');
      if (done) requestAnimationFrame(() => resolve(performance.now() - start));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), [q, t0]);
  // The engine, its thread, and the search module that drives it.
  const engineFiles = () => [...requested].filter((p) => p.includes('/pagefind/') || p.endsWith('/search-worker.js')
    || /\/search-[0-9a-f]+(_bg\.wasm|\.js)$/.test(p) || p.endsWith('/src/io/search.js'));
  // The first query's files are counted before the next three run: the
  // trace covers all four (the engine may still be settling), the bytes
  // only what the first one asked for.
  let firstFiles;
  const [firstQuery, longIndex] = await traced(async () => {
    const beforeIndex = await now();
    await page.focus('#viewer-search');
    const first = await query(QUERIES[0], beforeIndex);
    firstFiles = engineFiles();
    return first;
  }, async () => {
    for (const q of QUERIES.slice(1, 4)) await query(q);
  });
  const before5 = new Set(engineFiles());
  const fifthQuery = await query(QUERIES[4]);
  const fifthFiles = engineFiles().filter((p) => !before5.has(p));
  const search = [];
  const [, longTyping] = await traced(async () => {
    for (const q of QUERIES) search.push(await query(q));
  });
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);

  // An episode page loaded from the host: layout shift until the app runs
  // and a moment after, and the time until it runs.
  const episodeHref = await page.evaluate(() => document.querySelector('.episode-card .card-title a').href);
  await page.goto(episodeHref);
  await page.waitForFunction(() => window.__interactive);
  await page.waitForTimeout(1000);
  const { clsEpisode, episodeInteractive } = await page.evaluate(() => ({ clsEpisode: window.__cls, episodeInteractive: window.__interactive }));

  // The newest episode runs three hours with a 4,000-cue transcript (see
  // generate-archive.mjs): opened, drawn in full, then following playback.
  // The generated audio host does not exist; a demo MP3 stands in.
  await context.route('https://audio.example/**', (route) =>
    route.fulfill({ path: path.join(import.meta.dirname, '../../content/audio/tas-10.mp3'), contentType: 'audio/mpeg' }));
  await page.goto(base);
  await page.locator('.episode-card .card-title a', { hasText: /^GEN / }).first().click();
  await page.locator('section.transcript summary').waitFor();
  const [[transcriptFirst, transcriptAll], longTranscript] = await traced(async () => {
    const beforeTranscript = await now();
    const first = await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      document.querySelector('section.transcript summary').click();
      const tick = () => (document.querySelector('.cue') ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(tick));
      tick();
    }));
    await page.waitForFunction(() => document.querySelectorAll('.cue').length >= 4000, null, { timeout: 60_000 });
    return [first, (await now()) - beforeTranscript];
  });
  const [, longFollow] = await traced(async () => {
    // From the start: the stand-in is served without ranges, so it cannot
    // seek; following is the same work at any point of the transcript.
    await page.locator('#cue-0').click();
    await page.waitForFunction(() => Number(document.querySelector('.cue[aria-current]')?.dataset.cue) >= 2, null, { timeout: 20_000 });
  });
  await context.close();
  const bytes = (files) => files.map((p) => path.join(dir, decodeURIComponent(p))).filter((f) => fs.existsSync(f)).reduce((sum, f) => sum + engineSize(f), 0);
  return {
    transcriptFirst, transcriptAll, longTranscript, longFollow,
    listing, lcp, takeover, notes, endToOldest, listingNodes, longScroll, search: median(search), heap, longLoad, longNotes, longIndex, longTyping, listingBytes, aheadBytes, clsListing, clsEpisode, episodeInteractive,
    firstQuery, fifthQuery, firstQueryBytes: bytes(firstFiles), fifthQueryBytes: bytes(fifthFiles),
    // What the first query's bytes are: starting the engine (its scripts,
    // wasm and page list, and the search module), the index chunks of the
    // word, the results' details.
    firstStart: bytes(firstFiles.filter((p) => /\.(js|wasm|pagefind|pf_meta|json)$/.test(p))),
    firstChunks: bytes(firstFiles.filter((p) => /\.(pf_index|pf_filter)$/.test(p))),
    firstDetails: bytes(firstFiles.filter((p) => p.endsWith('.pf_fragment'))),
  };
}

const browser = await launchChromium();

/** The largest embed page as a frame loads it: the page, its script and
 * the images it names (gzip), without the audio it plays on demand. */
function embedBytes(dir) {
  const pages = fs.readdirSync(path.join(dir, 'episodes')).map((slug) => path.join(dir, 'episodes', slug, 'embed'));
  const sizes = pages.filter((f) => fs.existsSync(path.join(f, 'index.html'))).map(embedPageBytes);
  return Math.max(0, ...sizes);
}

function embedPageBytes(folder) {
  const html = fs.readFileSync(path.join(folder, 'index.html'), 'utf8');
  const files = [path.join(folder, 'index.html'), path.join(folder, '../../../embed.js')];
  for (const [, src] of html.matchAll(/<img[^>]* src="([^"]+)"/g)) {
    const file = path.join(folder, decodeURIComponent(src));
    if (!src.includes('://') && fs.existsSync(file)) files.push(file);
  }
  return files.reduce((s, f) => s + gzipSize(f), 0);
}

const results = [];
let port = 8300;
for (const dir of sites) {
  const server = await serveSite(dir, ++port);
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await measureOnce(browser, `http://127.0.0.1:${port}/`, dir));
  await server.stop();
  const pick = (k) => median(all.map((r) => r[k]));
  // What every page loads: the app's wasm and JS glue, and the
  // wasm-bindgen JS snippets the glue imports. The service worker (sw.js)
  // runs apart and is not counted. The modules the app loads on demand
  // (src/io/modules.rs) are counted each on its own, with their snippets.
  const filesOf = (pattern) => {
    const files = fs.readdirSync(dir).filter((f) => pattern.test(f));
    const snippets = files.filter((f) => f.endsWith('.js'))
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/["']\.\/(snippets\/[^"']+\.js)["']/g)].map((m) => m[1]));
    return [...new Set([...files, ...snippets])];
  };
  const filesBytes = (files) => files.reduce((s, f) => s + gzipSize(path.join(dir, f)), 0);
  const wasm = filesBytes(filesOf(/^app-.*\.(wasm|js)$/));
  const moduleBytes = (name) => filesBytes(filesOf(new RegExp(`^${name}-[0-9a-f]+(_bg\\.wasm|\\.js)$`)));
  results.push({
    name: `${(index.total || index.episodes.length).toLocaleString('en')} episodes`,
    episodes: index.total || index.episodes.length,
    listing: pick('listing'),
    lcp: pick('lcp'),
    takeover: pick('takeover'),
    episodeInteractive: pick('episodeInteractive'),
    // Layout shift: the worst run.
    clsListing: Math.max(...all.map((r) => r.clsListing)),
    clsEpisode: Math.max(...all.map((r) => r.clsEpisode)),
    notes: pick('notes'),
    search: pick('search'),
    heap: pick('heap'),
    // Each run's longest task: the median run, and the worst.
    longLoad: [pick('longLoad'), Math.max(...all.map((r) => r.longLoad))],
    longScroll: [pick('longScroll'), Math.max(...all.map((r) => r.longScroll))],
    endToOldest: pick('endToOldest'),
    listingNodes: Math.max(...all.map((r) => r.listingNodes)),
    longTranscript: [pick('longTranscript'), Math.max(...all.map((r) => r.longTranscript))],
    longFollow: [pick('longFollow'), Math.max(...all.map((r) => r.longFollow))],
    transcriptFirst: pick('transcriptFirst'),
    transcriptAll: pick('transcriptAll'),
    longNotes: [pick('longNotes'), Math.max(...all.map((r) => r.longNotes))],
    longIndex: [pick('longIndex'), Math.max(...all.map((r) => r.longIndex))],
    longTyping: [pick('longTyping'), Math.max(...all.map((r) => r.longTyping))],
    listingBytes: pick('listingBytes'),
    aheadBytes: pick('aheadBytes'),
    appBytes: wasm,
    transcriptModuleBytes: moduleBytes('transcript'),
    readerModuleBytes: moduleBytes('transcript_reader'),
    searchModuleBytes: moduleBytes('search'),
    queueModuleBytes: moduleBytes('queue'),
    // With its page side and worker, which load only with it.
    markdownModuleBytes: moduleBytes('markdown') + filesBytes(['markdown-client.js', 'markdown-worker.js', 'modules.js']),
    previewModuleBytes: moduleBytes('preview') + filesBytes(['preview-page.js']),
    embedBytes: embedBytes(dir),
    indexBytes: fs.readdirSync(dir).filter((f) => /^index(-\d+)?\.json$/.test(f)).reduce((s, f) => s + gzipSize(path.join(dir, f)), 0),
    firstQuery: pick('firstQuery'),
    fifthQuery: pick('fifthQuery'),
    firstQueryBytes: pick('firstQueryBytes'),
    firstStart: pick('firstStart'),
    firstChunks: pick('firstChunks'),
    firstDetails: pick('firstDetails'),
    fifthQueryBytes: pick('fifthQueryBytes'),
    engineBytes: fs.readdirSync(path.join(dir, 'pagefind'), { recursive: true })
      .map((f) => path.join(dir, 'pagefind', f)).filter((f) => fs.statSync(f).isFile()).reduce((s, f) => s + engineSize(f), 0),
  });
}
await browser.close();

const [small, big] = [results[0], results[results.length - 1]];
const verdict = (ok) => (ok ? 'met' : '**missed**');
const taskVerdict = (figures) => (figures.some(([, worst]) => Number.isNaN(worst)) ? 'not measured' : verdict(figures.every(([, worst]) => worst < 50)));
const rows = [
  ['App: wasm + JS (gzip)', ...results.map((r) => kb(r.appBytes)), '< 200 KiB', verdict(small.appBytes < 200 * 1024)],
  ['Transcript module, loaded when a transcript opens: wasm + JS (gzip)', ...results.map((r) => kb(r.transcriptModuleBytes)), '', ''],
  ['… its reader, instead, for a transcript on another host (gzip)', ...results.map((r) => kb(r.readerModuleBytes)), '', ''],
  ['Search module, loaded with the engine on the search box\'s first focus: wasm + JS (gzip)', ...results.map((r) => kb(r.searchModuleBytes)), '', ''],
  ['Queue module, loaded when a queue button is first pressed: wasm + JS (gzip)', ...results.map((r) => kb(r.queueModuleBytes)), '', ''],
  ['Markdown module, for notes the build did not publish and the preview: wasm + JS, with its worker (gzip)', ...results.map((r) => kb(r.markdownModuleBytes)), '< 450 KB', verdict(results.every((r) => r.markdownModuleBytes < 450_000))],
  ['Preview module, on /preview/ only (besides the Markdown module): wasm + JS (gzip)', ...results.map((r) => kb(r.previewModuleBytes)), '', ''],
  ['Embeddable player, all files but the audio (page, script, artwork; gzip)', ...results.map((r) => kb(r.embedBytes)), '< 25 KB', verdict(results.every((r) => r.embedBytes < 25_000))],
  ['Listing index, all parts (gzip)', ...results.map((r) => kb(r.indexBytes)), '< 40 KiB at 359', verdict(results.find((r) => r.episodes === 359)?.indexBytes < 40 * 1024)],
  ['First listing view, all files (gzip)', ...results.map((r) => kb(r.listingBytes)), '', ''],
  ['… and the notes it fetched ahead where it rested, after load and scrolls (gzip)', ...results.map((r) => kb(r.aheadBytes)), '', ''],
  ['Search engine and index on the host, all files (gzip)', ...results.map((r) => kb(r.engineBytes)), '', ''],
  ['First query: bytes, from the first focus (gzip)', ...results.map((r) => kb(r.firstQueryBytes)), '< 150 KiB at 10,000', verdict(big.firstQueryBytes < 150 * 1024)],
  ['… of which starting the engine (scripts, wasm, page list, search module) / index chunks / results\' details', ...results.map((r) => `${kb(r.firstStart)} / ${kb(r.firstChunks)} / ${kb(r.firstDetails)}`), '', ''],
  ['First query: time from the first focus to results painted', ...results.map((r) => ms(r.firstQuery)), '< 300 ms at 10,000', verdict(big.firstQuery < 300)],
  ['Fifth query: bytes (gzip)', ...results.map((r) => kb(r.fifthQueryBytes)), '', ''],
  ['Fifth query: time from keystroke to results painted', ...results.map((r) => ms(r.fifthQuery)), '', ''],
  ['Navigation to listing painted (first contentful paint, static page)', ...results.map((r) => ms(r.listing)), '10,000 within 1.5× of 359', verdict(big.listing <= 1.5 * small.listing)],
  ['Navigation to listing painted (largest contentful paint, static page)', ...results.map((r) => ms(r.lcp)), '', ''],
  ['Navigation to the app running the listing (hydrated, interactive)', ...results.map((r) => ms(r.takeover)), '10,000 within 1.5× of 359', verdict(big.takeover <= 1.5 * small.takeover)],
  ['Navigation to the app running an episode page', ...results.map((r) => ms(r.episodeInteractive)), '', ''],
  ['Cumulative layout shift, listing load (worst run)', ...results.map((r) => r.clsListing.toFixed(4)), '0', verdict(results.every((r) => r.clsListing === 0))],
  ['Cumulative layout shift, episode load (worst run)', ...results.map((r) => r.clsEpisode.toFixed(4)), '0', verdict(results.every((r) => r.clsEpisode === 0))],
  ['Listing click to notes painted (the first card: in view, so fetched ahead at rest)', ...results.map((r) => ms(r.notes)), '', ''],
  ['Windowed listing: End to the oldest episode painted', ...results.map((r) => (Number.isNaN(r.endToOldest) ? 'not measured' : ms(r.endToOldest))), '< 100 ms', verdict(results.every((r) => r.endToOldest < 100))],
  ['Windowed listing: its DOM nodes, scrolled to the end (worst run)', ...results.map((r) => r.listingNodes.toLocaleString('en')), '< 1,500', verdict(results.every((r) => r.listingNodes < 1500))],
  ['Longest task (trace): scrolling the listing (wheel, Page Up, Home, End, a jump)', ...results.map((r) => taskFigure(r.longScroll)), '< 50 ms', taskVerdict(results.map((r) => r.longScroll))],
  [`Keystroke to results painted (median of ${QUERIES.length} queries, 120 ms typing pause included)`, ...results.map((r) => ms(r.search)), '10,000 within 3× of 359', verdict(big.search <= 3 * small.search)],
  ['Longest task (trace): loading the listing (all index parts)', ...results.map((r) => taskFigure(r.longLoad)), '< 50 ms', taskVerdict(results.map((r) => r.longLoad))],
  ['Longest task (trace): opening an episode', ...results.map((r) => taskFigure(r.longNotes)), '< 50 ms', taskVerdict(results.map((r) => r.longNotes))],
  ['Longest task (trace): the first 4 queries (engine loading)', ...results.map((r) => taskFigure(r.longIndex)), '< 50 ms', taskVerdict(results.map((r) => r.longIndex))],
  ['Longest task (trace): typing 20 queries', ...results.map((r) => taskFigure(r.longTyping)), '< 50 ms', taskVerdict(results.map((r) => r.longTyping))],
  ['Transcript of 4,000 cues: opening to the first cues painted', ...results.map((r) => ms(r.transcriptFirst)), '', ''],
  ['… to all 4,000 cues drawn (a chunk per task)', ...results.map((r) => ms(r.transcriptAll)), '', ''],
  ['Longest task (trace): opening and drawing a 4,000-cue transcript', ...results.map((r) => taskFigure(r.longTranscript)), '< 50 ms', taskVerdict(results.map((r) => r.longTranscript))],
  ['Longest task (trace): a 4,000-cue transcript following playback', ...results.map((r) => taskFigure(r.longFollow)), '< 50 ms', taskVerdict(results.map((r) => r.longFollow))],
  ['JS heap after searching', ...results.map((r) => `${(r.heap / 1024 / 1024).toFixed(1)} MB`), '< 64 MB', verdict(results.every((r) => r.heap < 64 * 1024 * 1024))],
];
const cpu = (os.cpus()[0]?.model ?? 'unknown CPU').trim();
let chromiumVersion = '';
try {
  chromiumVersion = execSync(`${process.env.CHROMIUM ?? '/usr/bin/chromium'} --version`).toString().trim();
} catch {}
const header = ['Measure', ...results.map((r) => r.name), 'Goal', 'Status'];
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const report = [
  '# Benchmarks',
  '',
  `Written by \`scripts/bench\` on ${new Date().toISOString().slice(0, 10)}: release build, ${count(runs, 'run')} per archive (medians; for longest tasks, the main thread's longest task in a Chromium trace of the phase, the median run and the worst run), headless ${chromiumVersion || 'Chromium'} without its omnibox popup (see \`launchChromium\`), ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB.`,
  'Archives are generated by `tests/fixtures/generate-archive.mjs` with note sizes distributed like real show notes. Sizes are gzip level 9.',
  '',
  table,
  '',
  extraRows ? fs.readFileSync(extraRows, 'utf8') : '',
].join('\n');
console.log(report);
if (outFile) fs.writeFileSync(outFile, report);
