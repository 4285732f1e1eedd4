// The embeddable player as a blog post frames it: on another site, it
// plays, seeks and changes speed without loading the app; platforms find
// it by oEmbed; the episode page's "Embed" copies the same code.
import { test, expect, demoEpisodes, violations } from './fixtures.mjs';
import http from 'node:http';

const episodes = demoEpisodes();
const talk = episodes.find((e) => e.episode === 11); // 3:12 of real audio
const embedPath = (e) => `episodes/${e.slug}/embed/`;

test.describe('the embed page', () => {
  // It has no app to wait for.
  test.use({ waitForApp: false });

  test('plays in a frame on another site, with seek, time and speed, and loads nothing of the app', async ({ page, baseURL }) => {
    const asked = [];
    page.on('request', (r) => asked.push(r.url()));
    const src = new URL(embedPath(talk), baseURL).href;
    // A blog on another origin: a server of the test's own, on another
    // port (a real one: Chromium keeps pages of no address from framing
    // local ones).
    const blog = http.createServer((_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><title>A post</title><p>Listen:</p><iframe src="${src}" title="${talk.title}" width="100%" height="152"></iframe>`),
    );
    await new Promise((resolve) => blog.listen(0, '127.0.0.1', resolve));
    await page.goto(`http://127.0.0.1:${blog.address().port}/post.html`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('link', { name: talk.title })).toHaveAttribute('href', '../');
    await expect(frame.locator('audio')).toBeHidden();
    await frame.getByRole('button', { name: 'Play', exact: true }).click();
    const audioTime = () => frame.locator('audio').evaluate((a) => a.currentTime);
    await expect.poll(audioTime).toBeGreaterThan(0.5);
    await expect(frame.getByRole('button', { name: 'Pause' })).toBeVisible();
    // Seeking by the slider, and the time it shows.
    await frame.getByRole('slider', { name: 'Position' }).fill('100');
    await expect.poll(audioTime).toBeGreaterThan(99);
    await expect(frame.locator('.time')).toHaveText(/^1:4\d \/ 3:12$/);
    await frame.getByRole('button', { name: 'Playback speed' }).click();
    await expect(frame.getByRole('button', { name: 'Playback speed 1.25×' })).toBeVisible();
    expect(await frame.locator('audio').evaluate((a) => a.playbackRate)).toBe(1.25);
    await frame.getByRole('button', { name: 'Pause' }).click();
    blog.close();
    expect(asked.filter((u) => /\/(app|transcript)[-_][^/]*\.(js|wasm)$/.test(u))).toEqual([]);
  });

  test('is served to be framed from anywhere; the other pages keep their policy', async ({ request }) => {
    const embed = await request.get(embedPath(talk));
    expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
    const episode = await request.get(`episodes/${talk.slug}/`);
    expect(episode.headers()['content-security-policy']).not.toContain('frame-ancestors');
  });

  test('has its own player without JavaScript', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(embedPath(talk));
    await expect(page.locator('audio[controls]')).toBeVisible();
    await context.close();
  });

  for (const scheme of ['light', 'dark']) {
    test(`passes axe-core, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(embedPath(talk));
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  }
});

test('platforms find the player by oEmbed, and "Embed" copies the same code', async ({ page, context, request, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`episodes/${talk.slug}/`);
  const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
  // The site's own address (site.yaml's url); the same path here.
  const path = new URL(href).pathname.replace(/^\//, '');
  const oembed = await (await request.get(path)).json();
  expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: talk.title, height: 152 });
  expect(oembed.html).toContain(`src="${new URL(href).origin}/${embedPath(talk)}"`);
  await page.getByRole('link', { name: 'Embed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Embed code copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The same code, framing this host's copy of the page.
  expect(copied).toBe(oembed.html.replace(`${new URL(href).origin}/`, new URL(baseURL).href));
});
