// The listener's core in every engine listeners use: WebKit (Safari's
// engine family), Firefox and Chromium, each driven over WebDriver (see
// engines.mjs). The Playwright suite (tests/e2e) goes deeper in Chromium;
// this one asks the same of each engine: the app starts, episodes open,
// the player plays, seeks, skips, goes on across pages and resumes, `?t=`
// links, keys, search with a filter, a transcript following playback, an
// offline reload, the page without scripts, and no Content Security Policy
// violation. And audio hosts as they are: one that ignores `Range`, one
// that answers `206` with a wrong length.
//
//   ENGINES=webkit,firefox node --test tests/engines/*.test.mjs
//
// Needs the demo site built for /podcast/ in E2E_DIST (scripts/test
// builds it) and the engines' drivers (scripts/lib/tools.sh).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { By, Key } from 'selenium-webdriver';
import { demoEpisodes } from '../common/demo.mjs';
import { serveSite } from '../common/serve.mjs';
import { ENGINES, session, startDriver } from './engines.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.resolve(ROOT, process.env.E2E_DIST ?? 'target/e2e-dist');
const engines = (process.env.ENGINES ?? Object.keys(ENGINES).join(',')).split(',').filter(Boolean);
const episodes = demoEpisodes();
const live = episodes.find((e) => e.episode === 12); // 27 s, with chapters
const talk = episodes.find((e) => e.episode === 11); // 3:12, with a transcript
const tools = episodes.find((e) => e.episode === 4);

/** Serves the demo site on `port`, with `flags` (a host's ways with
 * ranges, a file missing) and the policy's reports. */
async function serve(port, flags = []) {
  const site = await serveSite(DIST, port, { base: '/podcast/', flags: ['--report-csp', ...flags] });
  return { ...site, violations: async () => (await fetch(`${site.url}__csp`)).json() };
}

/** Polls `read` until `ok` holds of its value; fails with the last one. */
async function until(read, ok, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) assert.fail(`${what}: still ${JSON.stringify(value)} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether `error` is the driver's word that the browser's page died. */
const crashed = (error) => error?.name === 'NoSuchSessionError' && /crash/i.test(error.message);

/** What a test drives: a browser session on the site at `base`. */
function listener(driver, base) {
  const js = (script, ...args) => driver.executeScript(script, ...args);
  const self = {
    driver,
    js,
    /** Opens `path` of the site and waits for the app to run on it. */
    async open(path = '') {
      await driver.get(base + path);
      await self.running();
    },
    running: () => until(() => js('return !!document.querySelector("#app[data-running]")'), Boolean, 'the app running', 15_000),
    time: () => js('return document.querySelector("#viewer-audio")?.currentTime ?? -1'),
    paused: () => js('return document.querySelector("#viewer-audio")?.paused'),
    text: (css) => js('return document.querySelector(arguments[0])?.textContent ?? null', css),
    click: async (css) => (await driver.findElement(By.css(css))).click(),
    /** Clicks the button or link whose accessible name (its label or text) starts with `name`. */
    async press(name) {
      const found = await js(
        `const all = [...document.querySelectorAll('button, a')];
         const el = all.find((e) => (e.getAttribute('aria-label') || e.textContent).trim().startsWith(arguments[0]));
         if (el) el.setAttribute('data-pressed-by-test', '1');
         return !!el;`,
        name,
      );
      assert.ok(found, `a button or link named "${name}…"`);
      await self.click('[data-pressed-by-test="1"]');
      await js('document.querySelector("[data-pressed-by-test]")?.removeAttribute("data-pressed-by-test")');
    },
    /** Plays `ep` from its page, until the audio has moved. */
    async play(ep) {
      await self.open(`episodes/${ep.slug}`);
      await self.click('.episode-actions .play-button');
      await until(self.time, (t) => t > 0.3, 'the audio playing');
    },
  };
  return self;
}

for (const engine of engines) {
  describe(engine, { concurrency: false }, () => {
    // Ports of its own, so that no engine's driver or site answers another's.
    const offset = Object.keys(ENGINES).indexOf(engine) * 10;
    let driver;
    let site;
    const sessions = [];
    before(async () => {
      driver = await startDriver(engine, 4444 + offset);
      site = await serve(8201 + offset);
    });
    after(async () => {
      for (const s of sessions) await s.quit().catch(() => {});
      driver?.stop();
      await site?.stop();
    });
    /** A test with a fresh browser (its own storage and service worker). */
    // A hang (a driver that stops answering) fails its test instead of
    // holding the whole run.
    const scenario = (name, body, options) =>
      test(name, { timeout: 180_000 }, async (t) => {
        const once = async () => {
          const browser = await session(engine, driver, options);
          sessions.push(browser);
          try {
            await body(browser);
          } finally {
            await browser.quit().catch(() => {});
            sessions.splice(sessions.indexOf(browser), 1);
          }
        };
        try {
          await once();
        } catch (e) {
          // WebKitGTK's web process now and then dies under a loaded
          // machine while GStreamer plays; the driver then has no page to
          // answer for. That is the engine's crash, not an answer about
          // the app: the scenario runs once more, in a new browser, and
          // the run says so. A second crash fails it.
          if (engine !== 'webkit' || !crashed(e)) throw e;
          t.diagnostic(`${engine}'s page crashed (${e.message}); ran again in a new browser`);
          await once();
        }
      });

    scenario('the listing loads and the app starts on it', async (browser) => {
      const l = listener(browser, site.url);
      await l.open();
      assert.equal(await l.text('.intro h1'), 'Tabs & Spaces');
      // The build's first page, then the rest once the app has drawn it.
      await until(() => l.js('return document.querySelectorAll(".episode-list:not(.compact) .episode-card").length'), (n) => n === episodes.length, 'every episode listed');
    });

    scenario('an episode opens inside the app, and its notes show', async (browser) => {
      const l = listener(browser, site.url);
      await l.open();
      await l.js('window.__samePage = true');
      await (await browser.findElement(By.linkText(tools.title))).click();
      await until(() => l.text('h1'), (t) => t === tools.title, 'the episode title');
      await until(() => l.js('return !!document.querySelector(".show-notes table")'), Boolean, 'the notes');
      assert.equal(await l.js('return window.__samePage === true'), true, 'followed inside the app');
    });

    scenario('play, skip and seek', async (browser) => {
      const l = listener(browser, site.url);
      await l.play(talk);
      await l.press('Forward 30 seconds');
      await until(l.time, (t) => t >= 30, 'skipped 30 s ahead');
      await l.press('Back 15 seconds');
      await until(l.time, (t) => t >= 15 && t < 25, 'back 15 s');
      // The bar's slider seeks where it is set, as a drag would.
      await l.js(`const s = document.querySelector('.player-bar input.seek');
        s.value = '120'; s.dispatchEvent(new Event('input', { bubbles: true }));`);
      await until(l.time, (t) => t >= 120 && t < 130, 'sought to 2:00');
      assert.equal(await l.paused(), false);
    });

    scenario('playback goes on, in the same element, while the listener browses', async (browser) => {
      const l = listener(browser, site.url);
      await l.play(talk);
      await l.js('document.querySelector("#viewer-audio").__marker = "first"');
      await (await browser.findElement(By.css('.breadcrumb a'))).click();
      await until(() => l.js('return document.querySelectorAll(".episode-list .episode-card").length'), (n) => n > 0, 'the listing');
      const t1 = await l.time();
      await until(l.time, (t) => t > t1 + 0.5, 'the audio still playing');
      assert.equal(await l.js('return document.querySelector("#viewer-audio").__marker'), 'first');
    });

    scenario('a reload resumes where the listener was', async (browser) => {
      const l = listener(browser, site.url);
      await l.play(talk);
      await l.press('Forward 30 seconds');
      await until(l.time, (t) => t >= 30, 'half a minute in');
      // No pause: the position is kept as the page goes away.
      await browser.navigate().refresh();
      await l.running();
      await until(() => l.js('return [...document.querySelectorAll("button")].some((b) => /^Resume at 0:3/.test(b.getAttribute("aria-label") || b.textContent.trim()))'), Boolean, 'a resume button');
      await l.press('Resume at');
      await until(l.time, (t) => t > 30, 'playing from where it was');
    });

    scenario('?t= opens the episode paused at that time, and plays from there', async (browser) => {
      const l = listener(browser, site.url);
      await l.open(`episodes/${live.slug}?t=0:10`);
      await until(l.time, (t) => t === 10, 'the audio at 0:10');
      assert.equal(await l.paused(), true);
      await l.press('Start at 0:10');
      await until(l.time, (t) => t > 10.3, 'playing on from 0:10');
    });

    scenario('keyboard shortcuts: Space plays and pauses, the right arrow skips', async (browser) => {
      const l = listener(browser, site.url);
      await l.play(talk);
      // Keys go to the page, as a listener's would after a click on it.
      await l.js('document.activeElement?.blur()');
      const key = (k) => browser.actions().sendKeys(k).perform();
      await key(Key.SPACE);
      await until(l.paused, (p) => p === true, 'paused by Space');
      const t = await l.time();
      await key(Key.ARROW_RIGHT);
      await until(l.time, (x) => x >= t + 4.5, 'ahead 5 s by the right arrow');
      await key(Key.SPACE);
      await until(l.paused, (p) => p === false, 'playing again by Space');
    });

    scenario('search finds episodes, and a filter narrows them', async (browser) => {
      const l = listener(browser, site.url);
      await l.open();
      const box = await browser.findElement(By.css('#viewer-search'));
      await box.sendKeys('offline');
      await until(() => l.js('return document.querySelectorAll(".episode-list .episode-card mark").length'), (n) => n > 0, 'marked results');
      const year = talk.date.slice(0, 4);
      await l.js(`const s = document.querySelector('select[name="year"]'); s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));`, year);
      const found = await until(
        () => l.js('return [...document.querySelectorAll(".episode-list .card-title")].map((e) => e.textContent)'),
        (titles) => titles.length > 0 && titles.includes(talk.title),
        'results of that year',
      );
      assert.ok(found.every((title) => episodes.find((e) => e.title === title)?.date.startsWith(year)), `${found} all from ${year}`);
      assert.match(await browser.getCurrentUrl(), new RegExp(`year=${year}`));
    });

    scenario('a transcript follows playback', async (browser) => {
      const l = listener(browser, site.url);
      await l.open(`episodes/${talk.slug}`);
      await l.click('section.transcript summary');
      await until(() => l.js('return document.querySelectorAll(".cue").length'), (n) => n > 3, 'the cues');
      // A real click: a script's click is no gesture, and WebKit would not start the audio for it.
      await (await browser.findElements(By.css('.cue')))[3].click();
      const first = await until(() => l.js('return Number(document.querySelector(".cue[aria-current]")?.dataset.cue ?? -1)'), (n) => n >= 0, 'a cue playing');
      await until(() => l.js('return Number(document.querySelector(".cue[aria-current]")?.dataset.cue ?? -1)'), (n) => n > first, 'the next cue playing', 15_000);
    });

    scenario('an opened episode reloads offline', async (browser) => {
      // A server of its own, stopped to go offline.
      const own = await serve(8209 + offset);
      try {
        const l = listener(browser, own.url);
        await l.open(`episodes/${tools.slug}`);
        await until(() => l.js('return !!navigator.serviceWorker?.controller'), Boolean, 'the service worker in control', 15_000);
        assert.deepEqual(await own.violations(), []);
        await own.stop();
        // Opened again (a reload may bypass the worker in some engines).
        await browser.get(`${own.url}episodes/${tools.slug}`);
        await until(() => l.text('h1'), (t) => t === tools.title, 'the episode, offline');
        await until(() => l.js('return !!document.querySelector(".show-notes table")'), Boolean, 'its notes, offline');
      } finally {
        await own.stop();
      }
    });

    scenario('notes the build did not publish are rendered from the episode\'s Markdown', async (browser) => {
      const own = await serve(8207 + offset, ['--missing', `notes/${tools.slug}.html`]);
      try {
        const l = listener(browser, own.url);
        await l.open();
        await browser.findElement(By.css(`.episode-card a[href$="episodes/${tools.slug}/"]`)).click();
        await until(() => l.text('.show-notes .notes-origin'), (t) => /rendered on this device/.test(t ?? ''), 'the notes from Markdown');
        assert.ok(await l.js('return !!document.querySelector(".show-notes table")'), 'the notes themselves');
        assert.deepEqual(await own.violations(), []);
      } finally {
        await own.stop();
      }
    });

    scenario('an author previews an episode file', async (browser) => {
      const l = listener(browser, site.url);
      await l.open('preview/');
      await until(() => l.js('return !!document.querySelector(".preview-text")'), Boolean, 'the preview tool');
      const editor = await browser.findElement(By.css('.preview-text'));
      await editor.clear();
      // Each line ends with the Enter key: WebKit's driver drops a "\n".
      const lines = ['---', 'title: Typed here', 'date: 2026-11-30', 'episode: 77', '---', '## Hello', '', 'At 1:05.'];
      await editor.sendKeys(...lines.flatMap((line) => [line, Key.ENTER]));
      await until(() => l.text('.preview-page h1'), (t) => t === 'Typed here', 'the page drawn');
      assert.match(await l.text('.preview-card .episode-card'), /#77/);
      assert.equal(await l.js('return document.querySelector(".preview-page a.timestamp")?.getAttribute("href")'), 'episodes/new-episode?t=65');
      assert.deepEqual(await site.violations(), []);
    });

    scenario('without JavaScript every page still reads, with its audio and search form', async (browser) => {
      await browser.get(site.url);
      assert.equal(await browser.findElement(By.css('.intro h1')).getText(), 'Tabs & Spaces');
      assert.ok((await browser.findElements(By.css('.episode-card'))).length > 0);
      assert.equal(await (await browser.findElement(By.css('form.search'))).getAttribute('method'), 'get');
      await browser.get(`${site.url}episodes/${tools.slug}`);
      assert.equal(await browser.findElement(By.css('h1')).getText(), tools.title);
      assert.ok(await browser.findElement(By.css('audio[controls]')));
      assert.ok(await browser.findElement(By.css('.show-notes table')));
      assert.equal(await browser.executeScript('return !!document.querySelector("#app[data-running]")'), false);
    }, { scripting: false });

    describe('audio hosts as they are', () => {
      // Slow, so that a skip ahead lands past what has arrived: without
      // ranges, the player cannot fetch from there.
      const hosts = [
        ['that ignores Range', ['--ranges', 'off', '--throttle', '16000']],
        ['that answers 206 with a wrong length', ['--ranges', 'wrong']],
      ];
      for (const [host, flags] of hosts) {
        scenario(`a host ${host}: the length shown is known, and seeking works or says why`, async (browser) => {
          const own = await serve(8208 + offset, flags);
          try {
            const l = listener(browser, own.url);
            await l.play(talk);
            const shown = () => l.text('.player-bar .player-times');
            // Never Infinity or NaN: the front matter's length until the file's.
            assert.doesNotMatch(await shown(), /Infinity|NaN/);
            assert.match(await shown(), /−\d+:\d\d/);
            await l.press('Forward 30 seconds');
            const outcome = await until(
              () => l.js(`return { t: document.querySelector('#viewer-audio').currentTime,
                note: document.querySelector('.player-bar [role="status"].player-note')?.textContent ?? '' }`),
              ({ t, note }) => t >= 30 || note.length > 0,
              'a seek that lands, or a note saying why not',
            );
            assert.ok(outcome.t >= 30 || /jump/i.test(outcome.note), JSON.stringify(outcome));
            console.log(`${engine}, a host ${host}: ${outcome.t >= 30 ? `sought to ${outcome.t.toFixed(1)} s` : `said "${outcome.note}"`}`);
            assert.doesNotMatch(await shown(), /Infinity|NaN/);
            assert.deepEqual(await own.violations(), []);
          } finally {
            await own.stop();
          }
        });
      }
    });

    test('no page broke the Content Security Policy', async () => {
      // Reports are posted as they happen; give the last a moment.
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(await site.violations(), []);
    });
  });
}
