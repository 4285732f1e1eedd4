// A generated archive of 2,000 episodes (its site is in French): the
// listing draws a page at a time, scrolls to the very first episode, and
// the way back returns there.
import { test, expect } from './fixtures.mjs';
import { BIG_URL } from './playwright.config.mjs';

test.use({ baseURL: BIG_URL });

test('a 2,000-episode listing scrolls to the oldest episode and opens it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  // French groups digits with a narrow no-break space.
  await expect(page.locator('.count')).toHaveText('2\u202f000 épisodes');
  // A page at a time, not 2,000 cards at once.
  expect(await page.locator('.episode-card').count()).toBeLessThanOrEqual(100);
  const oldest = page.getByRole('link', { name: /^GEN 1 - / });
  const inView = async () =>
    (await oldest.count()) > 0 && (await oldest.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight));
  for (let i = 0; i < 400 && !(await inView()); i++) {
    await page.keyboard.press('End');
    await page.waitForTimeout(100);
  }
  await expect(oldest).toBeInViewport();
  // Let the last End key's scroll settle, then remember where we are.
  await page.waitForTimeout(500);
  const y = await page.evaluate(() => window.scrollY);
  expect(y).toBeGreaterThan(50_000);
  await oldest.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^GEN 1 - /);
  await page.goBack();
  await expect(oldest).toBeInViewport();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThan(50);
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
  // The list grows a page at a time as it nears the screen, each page once
  // the last has arrived: a few pages' details, not hundreds.
  await page.waitForTimeout(3000);
  const cards = await page.locator('.episode-list .episode-card').count();
  expect(details.length).toBeLessThanOrEqual(cards + 12);
  expect(cards).toBeLessThan(100);
  // Scrolling on draws more (the search box has the keys: scroll the page).
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => page.locator('.episode-list .episode-card').count()).toBeGreaterThan(cards);
});
