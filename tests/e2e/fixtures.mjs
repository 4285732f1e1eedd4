// Shared test setup: every page fails its test on a console error or an
// uncaught exception, unless the test declares the failure it provokes.
import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

export const test = base.extend({
  // Console messages a test expects, e.g. the 404 it injects on purpose.
  allowedErrors: [[], { option: true }],
  // Each page arrives with its static copy on top (see core::prerender);
  // most tests are about the app, so navigation waits for it to take over.
  waitForApp: [true, { option: true }],
  page: async ({ page, allowedErrors, waitForApp }, use) => {
    if (waitForApp) {
      for (const name of ['goto', 'reload', 'goBack', 'goForward']) {
        const navigate = page[name].bind(page);
        page[name] = async (...args) => {
          const response = await navigate(...args);
          await page.waitForFunction(() => !document.getElementById('static'), null, { timeout: 15_000 }).catch(() => {});
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
      if (msg.type() === 'error' && !allowedErrors.some((re) => re.test(msg.text()))) {
        errors.push(msg.text());
      }
    });
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    await use(page);
    expect(errors, 'console errors').toEqual([]);
  },
});
export { expect };

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
      return { file, title, date: file.slice(0, 10), episode: episode ? Number(episode) : null, slug: file.slice(11, -3) };
    })
    .sort((a, b) => b.date.localeCompare(a.date));
}
