// Download statistics without a server (core::analytics): the demo archive
// restaged with `analytics_prefix`, its audio on a CDN behind a stand-in
// for OP3 that counts each request and redirects (media-hosts.mjs).
import { test, expect, demoEpisodes } from './fixtures.mjs';
import { MEASURED_URL, MEASURE_URL, CDN_URL } from './playwright.config.mjs';

const live = demoEpisodes().find((e) => e.episode === 12); // 27 s
const file = `${CDN_URL}content/audio/live-from-the-workshop.mp3`;
// Plain http keeps its scheme behind the prefix.
const measured = `${MEASURE_URL}e/${file}`;
const audio = (page) => page.locator('#viewer-audio');
const time = (page) => audio(page).evaluate((a) => a.currentTime);
const hits = async (request) => (await (await request.get(`${MEASURE_URL}hits`)).json()).filter((h) => h.address === file);

test.use({ baseURL: MEASURED_URL });
// One after another: the service counts every request to it, and saving
// for offline asks for the whole file while another test checks that
// playing only asks for ranges.
test.describe.configure({ mode: 'default' });

test('the page, the embed, the index and the feed name the measured address', async ({ page, request }) => {
  await page.goto(`episodes/${live.slug}/`);
  await expect(page.getByRole('link', { name: /Download/ })).toHaveAttribute('href', measured);
  const embed = await (await request.get(`episodes/${live.slug}/embed/`)).text();
  expect(embed).toContain(`<audio src="${measured}"`);
  const feed = await (await request.get('feed.xml')).text();
  expect(feed).toContain(`<enclosure url="${measured}"`);
  // Every other episode's audio comes from the template, routed too.
  const index = await (await request.get('index.json')).json();
  expect(index.site.audio_url).toBe(`${MEASURE_URL}e/${CDN_URL}content/audio/tas-{episode}.mp3`);
});

test('the player plays and seeks through the redirect, each range request counted', async ({ page, request }) => {
  const before = (await hits(request)).length;
  await page.goto(`episodes/${live.slug}/`);
  await page.getByRole('button', { name: /^Play/ }).first().click();
  await expect.poll(() => time(page), { timeout: 15_000 }).toBeGreaterThan(0.5);
  expect(await audio(page).evaluate((a) => a.currentSrc)).toBe(measured);
  await audio(page).evaluate((a) => (a.currentTime = 20));
  await expect.poll(() => time(page)).toBeGreaterThan(20.2);
  const counted = (await hits(request)).slice(before);
  expect(counted.length).toBeGreaterThan(0);
  expect(counted.every((h) => h.range?.startsWith('bytes='))).toBe(true);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test.use({ allowedErrors: [/ERR_INTERNET_DISCONNECTED|Failed to load resource|net::ERR_FAILED/] });

  test('saving for offline downloads through the redirect, and the saved file plays', async ({ page, context, request }) => {
    await page.goto(`episodes/${live.slug}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const before = (await hits(request)).length;
    await page.getByRole('button', { name: /Save for offline/ }).click();
    await expect(page.locator('.offline-status.saved')).toContainText(/Available offline · \d+(\.\d)? KB/);
    // The download is a listen the service counts, asked for whole.
    expect((await hits(request)).slice(before)).toContainEqual({ address: file, range: null });

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: /^Play/ }).first().click();
    await expect.poll(() => time(page), { timeout: 15_000 }).toBeGreaterThan(0.5);
    await audio(page).evaluate((a) => (a.currentTime = 20));
    await expect.poll(() => time(page)).toBeGreaterThan(20.2);
  });
});
