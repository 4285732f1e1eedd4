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

test.describe('a transcript on another host', () => {
  const url = 'https://transcripts.example/hostile-2.vtt';
  const vtt = [
    'WEBVTT',
    '',
    '00:00:01.000 --> 00:00:04.000',
    '<v Ada Moreau>Hello <script>window.__pwned=201</script>&lt;img src=x onerror="window.__pwned=202"&gt;',
    '',
    '00:00:05.000 --> 00:00:08.000',
    '<v Sam Okafor>Goodbye.',
    '',
  ].join('\n');
  const section = (page) => page.locator('section.transcript');
  const open = async (page) => {
    await page.goto('episodes/hostile-2');
    await page.locator('#app[data-running]').waitFor();
    await section(page).locator('summary').click();
  };

  test('is read in the browser, by the indexer\'s parser, as text', async ({ page }) => {
    await page.route(url, (route) =>
      route.fulfill({ body: vtt, headers: { 'content-type': 'text/vtt', 'access-control-allow-origin': '*' } }),
    );
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await open(page);
    await expect(section(page).locator('.cue')).toHaveCount(2);
    // Read by the module that carries the parser.
    expect(asked.filter((p) => /\/transcript_reader-[0-9a-f]+_bg\.wasm$/.test(p))).toHaveLength(1);
    await expect(section(page).locator('.t-para').first()).toContainText('Ada Moreau');
    await expect(section(page).locator('.t-para').nth(1)).toContainText('Sam Okafor');
    await expect(section(page).locator('.cue').first()).toContainText('<img src=x');
    await expect(section(page).getByRole('link', { name: 'Download the transcript' })).toHaveAttribute('href', url);
    await expect(section(page).locator('script, img, [onerror]')).toHaveCount(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  test.describe('that refuses the browser', () => {
    test.use({ allowedErrors: [/CORS|Failed to load resource/] });

    test('says so, with the link to the file', async ({ page }) => {
      // As the page sees a host without CORS headers: the fetch fails.
      await page.route(url, (route) => route.abort('accessdenied'));
      await open(page);
      await expect(section(page).getByRole('alert')).toContainText('The transcript could not be loaded');
      await expect(section(page).getByRole('link', { name: 'Download the transcript' })).toHaveAttribute('href', url);
    });
  });

  test('is a link on the page without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: HOSTILE_URL });
    const page = await context.newPage();
    await page.goto('episodes/hostile-2');
    await expect(page.locator('section.transcript .transcript-download')).toHaveAttribute('href', url);
    await context.close();
  });
});

test('a search that asks for transcripts, on a site that publishes none, finds the episodes', async ({ page }) => {
  // A shared or old link: this archive's only transcript is on another host.
  await page.goto('./?q=markdown&in=transcripts');
  await expect(page.locator('.episode-card').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Search transcripts' })).toHaveCount(0);
});
