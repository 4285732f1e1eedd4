// Shared test setup: every page fails its test on a console error or an
// uncaught exception, unless the test declares the failure it provokes.
import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const test = base.extend({
  // Console messages a test expects, e.g. the 404 it injects on purpose.
  allowedErrors: [[], { option: true }],
  // Each page arrives as the build rendered it, and the app hydrates it in
  // place (see ui::start); most tests are about the app, so a page load
  // waits until the app runs, and fails the test when it never does.
  waitForApp: [true, { option: true }],
  page: async ({ page, allowedErrors, waitForApp }, use) => {
    if (waitForApp) {
      for (const name of ['goto', 'reload', 'goBack', 'goForward']) {
        const navigate = page[name].bind(page);
        page[name] = async (...args) => {
          const response = await navigate(...args);
          await appRunning(page);
          return response;
        };
      }
    }
    const errors = [];
    // The release build runs under a strict Content Security Policy (see
    // core::csp); anything it blocks fails the test that met it.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
      );
    });
    page.on('console', (msg) => {
      // Yew says when the page the build wrote and the app's first render
      // differ; that must never happen, at any level.
      if (/hydrat/i.test(msg.text())) errors.push(`${msg.type()}: ${msg.text()}`);
      else if (msg.type() === 'error' && !allowedErrors.some((re) => re.test(msg.text()))) {
        errors.push(msg.text());
      }
    });
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    await use(page);
    expect(errors, 'console errors').toEqual([]);
  },
});
export { expect };

/** Waits until the app has hydrated the page and runs (`ui::dom::mark_running`). */
export async function appRunning(page) {
  await page.locator('#app[data-running]').waitFor({ state: 'attached', timeout: 15_000 });
}

/**
 * Marks every element of the app's page as it is now, for
 * `sameNodes`: hydration must adopt the build's nodes, not redraw them.
 */
export async function markNodes(page, selectors) {
  await page.evaluate((selectors) => {
    for (const s of selectors) {
      const el = document.querySelector(`#app ${s}`);
      if (!el) throw new Error(`nothing matches ${s}`);
      el.dataset.built = s;
    }
  }, selectors);
}

/** The selectors whose element is still the one `markNodes` marked. */
export async function sameNodes(page, selectors) {
  return page.evaluate((selectors) => selectors.filter((s) => document.querySelector(`#app ${s}`)?.dataset.built === s), selectors);
}

/**
 * Starts recording layout shifts (call before the page loads): the sum,
 * as Chromium's cumulative layout shift counts it, is read with `layoutShift`.
 */
export async function recordLayoutShift(page) {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export function layoutShift(page) {
  return page.evaluate(() => window.__shift);
}

/**
 * Holds back every request matching `pattern` until the returned function
 * is called: the static page can then be measured, or typed into, before
 * the app has what it needs to take over.
 */
export async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

export { demoEpisodes } from '../common/demo.mjs';

/**
 * Records the handlers the app gives the Media Session (call before the
 * page loads), to call them as a lock screen would: `window.__media[action]`.
 */
export async function recordMediaSession(page) {
  await page.addInitScript(() => {
    window.__media = {};
    const set = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
    navigator.mediaSession.setActionHandler = (action, handler) => {
      window.__media[action] = handler;
      set(action, handler);
    };
  });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now, one line each. */
export async function violations(page) {
  // Evaluated through the debugging protocol, which the page's CSP does
  // not govern: the policy is not loosened for the audit.
  await page.evaluate(axeSource);
  const found = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
  );
  return found.violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Every published episode's notes as the build wrote them, beside the
 * same file rendered by the Markdown module in the page's worker
 * (core::source): `[{ slug, built, browser }]`.
 */
export async function renderedBoth(page) {
  return page.evaluate(async () => {
    const base = document.baseURI;
    const client = await import(new URL('markdown-client.js', base).href);
    const index = await (await fetch(new URL('index.json', base))).json();
    const sources = await (await fetch(new URL(index.site.sources, base))).json();
    const out = [];
    for (const [slug] of sources.episodes) {
      const [path, address] = await client.source(slug);
      const text = await (await fetch(new URL(address, base))).text();
      const built = await (await fetch(new URL(`notes/${slug}.html`, base))).text();
      out.push({ slug, built: built.replace(/^<!-- notes -->\n/, ''), browser: await client.notesOnly(path, text) });
    }
    return out;
  });
}
