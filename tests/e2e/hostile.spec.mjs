// Raw HTML in notes never runs script: every payload of the corpus is
// published into a real build and opened in the browser.
import { test, expect } from './fixtures.mjs';
import { HOSTILE_URL } from './playwright.config.mjs';

test.use({ baseURL: HOSTILE_URL });

for (const slug of ['hostile-1', 'hostile-2']) {
  test(`no payload runs in ${slug}`, async ({ page }) => {
    // Every element is hovered and clicked: slow on a loaded machine.
    test.setTimeout(120_000);
    // Every outside request fails fast here; a payload that got through
    // would still run, since it needs no network.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
    await page.goto(`episodes/${slug}`);
    await expect(page.locator('.show-notes')).toBeVisible();
    const notes = page.locator('.show-notes');
    // Hover and click everything a listener could touch.
    for (const el of await notes.locator('a, p, button, img, svg, div').all()) {
      await el.hover({ timeout: 500 }).catch(() => {});
      await el.click({ timeout: 500, noWaitAfter: true, trial: false }).catch(() => {});
      if (!page.url().includes(slug)) await page.goBack();
    }
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    for (const selector of ['script', 'style', 'object', 'embed', 'form', 'base', 'meta', 'svg', 'math', '[onerror]', '[onload]', '[onclick]', '[srcdoc]', 'a[href^="javascript" i]', 'a[href^="data" i]']) {
      await expect(notes.locator(selector), selector).toHaveCount(0);
    }
  });
}

test('a broken episode file is left out, and the others work', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.episode-card')).toHaveCount(2);
  await expect(page.locator('.count')).toHaveText('2 episodes');
  await page.goto('episodes/hostile-3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.goto('episodes/hostile-2');
  await expect(page.locator('.show-notes')).toBeVisible();
});

test('benign HTML survives the sanitizer', async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
  await page.goto('episodes/hostile-1');
  const notes = page.locator('.show-notes');
  await expect(notes.locator('p.sponsor b')).toHaveText('Acme');
  const img = notes.locator('img[alt="Acme logo"]');
  await expect(img).toHaveAttribute('src', 'content/pixel.svg');
  await expect.poll(() => img.evaluate((i) => i.naturalWidth)).toBe(8);
  const video = notes.locator('iframe[src]');
  await expect(video).toHaveCount(1);
  // Disallowed embeds lost their src and are hidden.
  for (const empty of await notes.locator('iframe:not([src])').all()) await expect(empty).toBeHidden();
  await expect(video).toHaveAttribute('src', 'https://www.youtube.com/embed/gGxWzVMRpHo');
  await expect(video).toHaveAttribute('sandbox', /allow-scripts/);
  await expect(notes.locator('br')).not.toHaveCount(0);
});
