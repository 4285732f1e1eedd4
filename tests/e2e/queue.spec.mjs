// The queue ("Up next"), as a listener uses it: adding from cards and
// episode pages, reordering by keyboard and by drag, the next episode
// starting on its own, the lock screen's "next", and a reload.
import { test, expect, recordMediaSession, demoEpisodes, violations } from './fixtures.mjs';

const episodes = demoEpisodes();
const number = (n) => episodes.find((e) => e.episode === n);
// Short files: a few seconds of audio each.
const [one, two, three, four] = [1, 2, 3, 4].map(number);
const live = number(12); // 27 s, with chapters
const audio = (page) => page.locator('#viewer-audio');
const bar = (page) => page.locator('.player-bar');
const card = (page, e) => page.locator('.episode-list:not(.compact) .episode-card', { hasText: e.title });
const panel = (page) => page.locator('#queue-panel');
const titles = (page) => panel(page).locator('.queue-title');
const status = (page) => page.locator('#queue-status');
// The queue as the browser keeps it: null once it is empty.
const stored = (page) =>
  page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(':queue'));
    return key ? JSON.parse(localStorage.getItem(key)) : null;
  });
const heard = (page) =>
  page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('podcast-viewer:') && !k.endsWith(':queue'));
    return JSON.parse(localStorage.getItem(key));
  });

async function openQueue(page) {
  const button = bar(page).getByRole('button', { name: 'Up next' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(panel(page)).toBeVisible();
}

test('cards queue episodes; the panel reorders them by keyboard and by drag, and keeps them across a reload', async ({ page }) => {
  await page.goto('./');
  // Nothing plays yet: the first episode added is loaded, ready to play.
  await card(page, one).getByRole('button', { name: `Add to queue: ${one.title}` }).click();
  await expect(bar(page).locator('.player-title')).toHaveText(one.title);
  await expect(status(page)).toHaveText(`Up next: ${one.title}`);
  expect(await audio(page).evaluate((a) => a.paused)).toBe(true);

  await card(page, two).getByRole('button', { name: `Add to queue: ${two.title}` }).click();
  await expect(status(page)).toHaveText(`Added to the queue: ${two.title}`);
  await card(page, three).getByRole('button', { name: `Add to queue: ${three.title}` }).click();
  await card(page, four).getByRole('button', { name: `Play next: ${four.title}` }).click();
  await openQueue(page);
  await expect(bar(page).getByRole('button', { name: 'Up next' })).toHaveAttribute('aria-expanded', 'true');
  await expect(titles(page)).toHaveText([four.title, two.title, three.title]);

  // By keyboard: the moved entry keeps the focus, and the move is said.
  await panel(page).getByRole('button', { name: `Move down: ${four.title}` }).focus();
  await page.keyboard.press('Enter');
  await expect(titles(page)).toHaveText([two.title, four.title, three.title]);
  await expect(status(page)).toHaveText(`Moved to place 2/3: ${four.title}`);
  await expect(panel(page).getByRole('button', { name: `Move down: ${four.title}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(titles(page)).toHaveText([two.title, three.title, four.title]);
  // At the end its own button is disabled: the focus goes to the other.
  await expect(panel(page).getByRole('button', { name: `Move up: ${four.title}` })).toBeFocused();
  await expect(panel(page).getByRole('button', { name: `Move down: ${four.title}` })).toBeDisabled();

  // Up to the top: there the other button takes the focus.
  await panel(page).getByRole('button', { name: `Move up: ${three.title}` }).focus();
  await page.keyboard.press('Enter');
  await expect(titles(page)).toHaveText([three.title, two.title, four.title]);
  await expect(panel(page).getByRole('button', { name: `Move down: ${three.title}` })).toBeFocused();

  // By drag: the last onto the first.
  await panel(page).locator('li', { hasText: four.title }).dragTo(panel(page).locator('li', { hasText: three.title }));
  await expect(titles(page)).toHaveText([four.title, three.title, two.title]);

  // Removed: the focus stays in the list, on the entry now in its place.
  await panel(page).getByRole('button', { name: `Remove from the queue: ${three.title}` }).focus();
  await page.keyboard.press('Enter');
  await expect(titles(page)).toHaveText([four.title, two.title]);
  await expect(status(page)).toHaveText(`Removed from the queue: ${three.title}`);
  await expect(panel(page).getByRole('button', { name: `Remove from the queue: ${two.title}` })).toBeFocused();
  expect(await violations(page)).toEqual([]);

  await page.reload();
  expect(await stored(page)).toEqual({ v: 1, queue: [[four.slug, four.title], [two.slug, two.title]] });
  await card(page, one).getByRole('button', { name: /^Play episode/ }).click();
  await openQueue(page);
  await expect(titles(page)).toHaveText([four.title, two.title]);
  // The panel follows its button for the Tab key.
  await bar(page).getByRole('button', { name: 'Up next' }).focus();
  await page.keyboard.press('Tab');
  await expect(titles(page).first()).toBeFocused();
  // Escape closes it, and the focus goes back to its button.
  await page.keyboard.press('Escape');
  await expect(panel(page)).toBeHidden();
  await expect(bar(page).getByRole('button', { name: 'Up next' })).toBeFocused();
  await openQueue(page);

  await panel(page).getByRole('button', { name: 'Clear the queue' }).click();
  await expect(panel(page)).toHaveText('Nothing is queued');
  await expect(status(page)).toHaveText('Queue cleared');
  expect(await stored(page)).toBeNull();
});

test('at the end of an episode the next queued one starts, and the finished one is marked played', async ({ page }) => {
  await page.goto(`episodes/${one.slug}`);
  await page.locator('.episode-actions .play-button').first().click();
  await expect.poll(() => audio(page).evaluate((a) => a.currentTime)).toBeGreaterThan(0.2);
  // From another episode's page, reached within the app (a page load
  // would stop the audio), and from a card.
  await page.getByRole('link', { name: /All episodes/ }).first().click();
  await card(page, three).getByRole('link', { name: three.title }).click();
  await page.getByRole('button', { name: `Add to queue: ${three.title}` }).click();
  await expect(status(page)).toHaveText(`Added to the queue: ${three.title}`);
  await page.getByRole('link', { name: /All episodes/ }).first().click();
  await card(page, two).getByRole('button', { name: `Play next: ${two.title}` }).click();
  await openQueue(page);
  await expect(titles(page)).toHaveText([two.title, three.title]);

  await audio(page).evaluate((a) => (a.currentTime = a.duration - 0.3));
  await expect(bar(page).locator('.player-title')).toHaveText(two.title, { timeout: 10_000 });
  await expect.poll(() => audio(page).evaluate((a) => !a.paused && a.src.endsWith('tas-2.mp3'))).toBe(true);
  await expect(titles(page)).toHaveText([three.title]);
  expect((await heard(page)).episodes.find(([slug]) => slug === one.slug)[1].x).toBe(true);
  expect(await stored(page)).toEqual({ v: 1, queue: [[three.slug, three.title]] });

  // A click on a queued title plays it now.
  await titles(page).first().click();
  await expect(bar(page).locator('.player-title')).toHaveText(three.title);
  await expect(panel(page)).toHaveText('Nothing is queued');
  expect(await stored(page)).toBeNull();
});

test('titles in the panel are text: markup in one never runs', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">"&';
  await page.goto(`episodes/${one.slug}`);
  await page.evaluate(([slug, title]) => {
    // The listening store's key, then `:queue` (ui::player::storage).
    const key = `podcast-viewer:${new URL(document.baseURI).pathname}:queue`;
    localStorage.setItem(key, JSON.stringify({ v: 1, queue: [[slug, title]] }));
  }, [two.slug, hostile]);
  await page.locator('.episode-actions .play-button').first().click();
  await openQueue(page);
  await expect(titles(page)).toHaveText([hostile]);
  await expect(panel(page).getByRole('button', { name: `Remove from the queue: ${hostile}` })).toBeVisible();
  await expect(panel(page).locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test.describe('when the queue module cannot load', () => {
  test.use({ allowedErrors: [/Failed to fetch|net::ERR_FAILED|dynamically imported module/i] });

  test('a press says so, and the next press tries again', async ({ page }) => {
    let blocked = true;
    await page.route(/\/queue-[0-9a-f]{16}(_bg\.wasm|\.js)$/, (route) => (blocked ? route.abort() : route.continue()));
    await page.goto('./');
    await card(page, one).getByRole('button', { name: `Play episode: ${one.title}` }).click();
    const add = card(page, two).getByRole('button', { name: `Add to queue: ${two.title}` });
    await add.click();
    await expect(status(page)).toHaveText('The queue could not be loaded. Try again.');
    expect(await stored(page)).toBeNull();
    blocked = false;
    await add.click();
    await expect(status(page)).toHaveText(`Added to the queue: ${two.title}`);
    expect(await stored(page)).toEqual({ v: 1, queue: [[two.slug, two.title]] });
  });
});

test.describe('the lock screen', () => {
  test.beforeEach(({ page }) => recordMediaSession(page));

  test('"next" goes to the next chapter, then to the next queued episode', async ({ page }) => {
    await page.goto(`episodes/${live.slug}`);
    await page.locator('.episode-actions .play-button').first().click();
    await expect.poll(() => audio(page).evaluate((a) => a.currentTime)).toBeGreaterThan(0.2);
    // Within the app: a page load would stop the audio.
    await page.getByRole('link', { name: /All episodes/ }).first().click();
    await card(page, three).getByRole('button', { name: `Add to queue: ${three.title}` }).click();
    await page.evaluate(() => window.__media.nexttrack({ action: 'nexttrack' }));
    await expect(bar(page).locator('.player-chapter')).toHaveText('Audience questions');
    await expect(bar(page).locator('.player-title')).toHaveText(live.title);
    // In the last chapter: the queue's next episode.
    await page.evaluate(() => window.__media.seekto({ action: 'seekto', seekTime: 22 }));
    await expect(bar(page).locator('.player-chapter')).toHaveText('Goodbye');
    await page.evaluate(() => window.__media.nexttrack({ action: 'nexttrack' }));
    await expect(bar(page).locator('.player-title')).toHaveText(three.title);
    expect(await stored(page)).toBeNull();
  });
});
