// A generated archive of 2,000 episodes (its site is in French): the
// listing is windowed. It has the whole archive's height at once, only the
// cards near the screen exist, End reaches the very first episode in one
// press, and the way back returns there.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, violations } from './fixtures.mjs';
import { BIG_URL } from './playwright.config.mjs';

test.use({ baseURL: BIG_URL });

const cards = (page) => page.locator('.episode-list:not(.compact) > li');

test('End reaches the oldest of 2,000 episodes at once, and the way back returns there', async ({ page }) => {
  await page.goto('./');
  // French groups digits with a narrow no-break space.
  await expect(page.locator('.count')).toHaveText('2\u202f000 épisodes');
  // The whole archive's height from the start: 2,000 cards' worth.
  const pitch = await cards(page).evaluateAll(([a, b]) => b.getBoundingClientRect().top - a.getBoundingClientRect().top);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(1990 * pitch);
  expect(await cards(page).count()).toBeLessThanOrEqual(40);
  const oldest = page.getByRole('link', { name: /^GEN 1 - / });
  await page.keyboard.press('End');
  await expect(oldest).toBeInViewport({ timeout: 1000 });
  // Screen readers hear where it is in the whole list.
  const last = cards(page).last();
  await expect(last).toHaveAttribute('aria-posinset', '2000');
  await expect(last).toHaveAttribute('aria-setsize', '2000');
  expect(await cards(page).count()).toBeLessThanOrEqual(40);
  const y = await page.evaluate(() => window.scrollY);
  expect(y).toBeGreaterThan(1900 * pitch);
  await oldest.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^GEN 1 - /);
  await page.goBack();
  await expect(oldest).toBeInViewport();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThan(2);
});

test('End and Home jump at once, without the browser\'s scroll animation, from the page and from a card', async ({ page }) => {
  await page.goto('./');
  await page.waitForSelector('#app[data-running]', { state: 'attached' });
  const place = () => page.evaluate(() => [Math.round(window.scrollY), document.documentElement.scrollHeight - window.innerHeight]);
  // Read as soon as the key is handled: an animated scroll would have
  // barely begun.
  await page.keyboard.press('End');
  const [y, bottom] = await place();
  expect(bottom).toBeGreaterThan(100_000);
  expect(Math.abs(y - bottom)).toBeLessThan(2);
  await expect(page.getByRole('link', { name: /^GEN 1 - / })).toBeInViewport();
  await page.getByRole('link', { name: /^GEN 1 - / }).focus();
  await page.keyboard.press('Home');
  expect((await place())[0]).toBe(0);
  // After a click on plain text, which focuses the main region.
  await page.locator('.count').click();
  await page.keyboard.press('End');
  expect(Math.abs((await place())[0] - bottom)).toBeLessThan(2);
  // In a form field, End is the field's own: the page does not move.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('searchbox').focus();
  await page.evaluate(() => document.addEventListener('keydown', (e) => setTimeout(() => { window.__endPrevented = e.defaultPrevented; })));
  await page.keyboard.press('End');
  await expect.poll(() => page.evaluate(() => window.__endPrevented)).toBe(false);
  expect((await place())[0]).toBe(0);
});

test('scrolling the windowed listing keeps a few screens of cards, each where it belongs', async ({ page }) => {
  await page.goto('./');
  let most = 0;
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, 2500 + i * 997);
    await page.waitForTimeout(30);
    most = Math.max(most, await cards(page).count());
  }
  // Dragging the scroll bar's thumb: a jump to anywhere. Then a screen
  // further: the window moves, and every card drawn before and after
  // stays exactly where it was on the page (nothing jumps), and the
  // screen is covered.
  const places = () => page.evaluate(() => {
    const items = [...document.querySelectorAll('.episode-list > li')];
    return {
      at: Object.fromEntries(items.map((li) => [li.getAttribute('aria-posinset'), li.getBoundingClientRect().top + window.scrollY])),
      covered: items[0].getBoundingClientRect().top <= 0 && items.at(-1).getBoundingClientRect().bottom >= window.innerHeight,
      titled: items.every((li) => li.querySelector('.card-title')?.textContent),
    };
  });
  for (const at of [0.37, 0.81, 0.05, 0.995]) {
    await page.evaluate((at) => window.scrollTo(0, document.documentElement.scrollHeight * at), at);
    await page.waitForTimeout(50);
    const before = await places();
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(50);
    const after = await places();
    most = Math.max(most, Object.keys(before.at).length, Object.keys(after.at).length);
    const both = Object.keys(before.at).filter((k) => k in after.at);
    expect(both.length).toBeGreaterThan(0);
    for (const k of both) expect(Math.abs(after.at[k] - before.at[k]), `card ${k} at ${at}`).toBeLessThan(1);
    expect([before.covered, before.titled, after.titled]).toEqual([true, true, true]);
  }
  expect(most).toBeGreaterThan(5);
  expect(most).toBeLessThanOrEqual(40);
  expect(await page.locator('#app *').count()).toBeLessThan(1500);
  expect(await violations(page)).toEqual([]);
});

test('Tab walks from card to card past the first window', async ({ page }) => {
  await page.goto('./');
  const first = await cards(page).count();
  // Each card's stops: its title, play, "Play next" and "Add to queue".
  const stops = 4;
  await page.locator('.card-title a').first().focus();
  const seen = new Set();
  for (let i = 0; i < first * 3 * (stops + 1) && seen.size < first * 3; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement.closest('.episode-list > li')?.getAttribute('aria-posinset'));
    if (at) seen.add(Number(at));
  }
  // Past the first window, in order, with no card skipped.
  const walked = [...seen].sort((a, b) => a - b);
  expect(walked.length).toBeGreaterThanOrEqual(first * 3);
  expect(walked).toEqual(walked.map((_, i) => walked[0] + i));
});

test('search over 2,000 episodes finds and ranks, and loads only the results drawn', async ({ page }) => {
  const details = [];
  page.on('request', (r) => r.url().endsWith('.pf_fragment') && details.push(r.url()));
  await page.goto('./');
  await page.getByRole('searchbox', { name: 'Rechercher dans les épisodes' }).fill('kubernetes');
  await expect(page.locator('.count')).toHaveText(/^\d{1,3}(\u202f\d{3})* épisodes$/);
  const total = Number((await page.locator('.count').textContent()).replace(/\D/g, ''));
  expect(total).toBeGreaterThan(200);
  const first = page.locator('.card-title').first();
  await expect(first.locator('mark').first()).toHaveText(/kubernetes/i);
  // The results load a page at a time as their end nears the screen, each
  // page once the last has arrived: a few pages' details, not hundreds.
  await page.waitForTimeout(3000);
  const reached = () => page.locator('.episode-list > li').last().evaluate((li) => Number(li.getAttribute('aria-posinset')));
  const drawn = await reached();
  expect(details.length).toBeLessThanOrEqual(drawn + 12);
  expect(drawn).toBeLessThan(100);
  // The list tells screen readers how many results there are in all.
  await expect(page.locator('.episode-list > li').first()).toHaveAttribute('aria-setsize', String(total));
  // Scrolling on loads and draws more (the search box has the keys: scroll
  // the page).
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(reached).toBeGreaterThan(drawn);
  expect(await page.locator('.episode-list > li').count()).toBeLessThanOrEqual(40);
});

test('long notes are laid out as they come into view, and a jump to a heading stays where it lands', async ({ page }) => {
  // The episode with the longest notes (some 50 KB).
  const dir = path.join(process.env.E2E_BIG_DIST ?? 'target/e2e-big', 'notes');
  const [longest] = fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).size]).sort((a, b) => b[1] - a[1]);
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto(`episodes/${longest[0].replace(/\.html$/, '')}/`);
  await page.waitForSelector('#app[data-running]', { state: 'attached' });
  // The notes' last line is not drawn until it comes into view.
  const last = page.locator('.show-notes > :last-child a').last();
  const drawn = () => last.evaluate((a) => a.checkVisibility({ contentVisibilityAuto: true }));
  expect(await drawn()).toBe(false);
  await last.scrollIntoViewIfNeeded();
  await expect.poll(drawn).toBe(true);
  // From the middle, where the listener has read, the last heading's own
  // `#` link (clicked as a script would, without scrolling to it first).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.wheel(0, 6000);
  await page.waitForTimeout(300);
  const heading = page.locator('.show-notes h2[id]').last();
  const landed = await heading.evaluate((h) => {
    h.querySelector('a.anchor').click();
    return Math.round(h.getBoundingClientRect().top);
  });
  // Every block was laid out before the jump (ui::dom::jump_to_fragment).
  await expect(page.locator('.show-notes[data-whole]')).toHaveCount(1);
  await page.waitForTimeout(300);
  expect(await heading.evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBe(landed);
});
