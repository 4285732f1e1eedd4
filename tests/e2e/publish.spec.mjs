// Publishing: the static pages (read without JavaScript, then hydrated by
// the app in place), the files for crawlers, and offline use through the
// service worker.
import { test, expect, demoEpisodes, holdBack, appRunning, markNodes, sameNodes, recordLayoutShift, layoutShift } from './fixtures.mjs';

const episodes = demoEpisodes();
const first = episodes.find((e) => e.slug === 'tas-001-hello-world');
// An episode whose notes link timestamps.
const stamped = episodes.find((e) => e.slug === 'tas-002-tabs-versus-spaces');

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, waitForApp: false });

  test('an episode page is readable: title, notes, audio, head tags', async ({ page }) => {
    await page.goto(`episodes/${first.slug}/`);
    await expect(page.locator('h1')).toHaveText(first.title);
    expect((await page.locator('.show-notes').textContent()).length).toBeGreaterThan(200);
    await expect(page.locator('audio.static-audio')).toHaveAttribute('src', /tas-1\.mp3$/);
    await expect(page).toHaveTitle(`${first.title} · Tabs & Spaces`);
    const meta = (selector) => page.locator(selector).first().getAttribute('content');
    expect(await meta('meta[property="og:title"]')).toBe(`${first.title} · Tabs & Spaces`);
    expect(await meta('meta[name="description"]')).toMatch(/\w+/);
    expect(await meta('meta[property="og:image"]')).toBe('https://tabs-and-spaces.example/content/artwork.svg');
    expect(await meta('meta[name="twitter:card"]')).toBe('summary');
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', `https://tabs-and-spaces.example/episodes/${first.slug}/`);
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    expect(ld['@type']).toBe('PodcastEpisode');
    expect(ld.name).toBe(first.title);
    expect(ld.episodeNumber).toBe(1);
    expect(ld.partOfSeries['@type']).toBe('PodcastSeries');
    // Links between static pages work without the app.
    await page.locator('.pager-link.newer').click();
    await expect(page.locator('h1')).toHaveText(episodes[episodes.length - 2].title);
  });

  test('the listing shows the newest episodes and links the whole archive', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('.episode-card')).toHaveCount(12);
    await expect(page.locator('.episode-card h2').first()).toHaveText(episodes[0].title);
    await page.locator('.archive-link a').click();
    await expect(page.locator('.archive li')).toHaveCount(episodes.length);
    await page.locator('.archive a', { hasText: first.title }).click();
    await expect(page.locator('h1')).toHaveText(first.title);
  });

  test("the listing's search box sends the search to the listing's address", async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('searchbox', { name: 'Search episodes' })).toHaveAttribute('placeholder', 'Titles, notes, people…');
    await expect(page.locator('.filters select[name=year] option')).toContainText(['All years', '2026']);
    await page.getByRole('searchbox').fill('tabs');
    await Promise.all([page.waitForURL(/\?q=tabs/), page.getByRole('searchbox').press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/podcast/');
  });
});

test.describe('the listing hydrated by the app', () => {
  test.use({ waitForApp: false });

  for (const width of [390, 1280]) {
    test(`adopts the page's own nodes and moves nothing at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await recordLayoutShift(page);
      const boxes = () =>
        page.evaluate(() =>
          [...['.search', '.filters', '.count'].map((s) => document.querySelector(`#app ${s}`)), ...document.querySelectorAll('#app .episode-card')].map(
            (el) => JSON.stringify(el.getBoundingClientRect()),
          ),
        );
      const nodes = ['h1', '.search', '#viewer-search', '.count', '.episode-card', '.episode-card .card-title a'];
      // Hold the index back so that the page as built can be measured first.
      const release = await holdBack(page, '**/index.json');
      await page.goto('./', { waitUntil: 'load' });
      const before = await boxes();
      await markNodes(page, nodes);
      release();
      await appRunning(page);
      await expect(page.locator('#app button.play-button').first()).toBeVisible();
      expect(await sameNodes(page, nodes)).toEqual(nodes);
      // The app may draw its next page below; nothing above it moves.
      expect((await boxes()).slice(0, before.length)).toEqual(before);
      expect(await layoutShift(page)).toBe(0);
    });
  }

  test("adopts an episode page's nodes, notes included, without fetching the notes again", async ({ page }) => {
    await recordLayoutShift(page);
    let notesFetched = 0;
    // Its own notes: its older and newer are fetched ahead once it rests.
    page.on('request', (r) => r.url().includes(`/notes/${stamped.slug}.`) && notesFetched++);
    const nodes = ['h1', '.episode-header', '.show-notes', '.show-notes p', '.pager'];
    const release = await holdBack(page, '**/index.json');
    await page.goto(`episodes/${stamped.slug}/`, { waitUntil: 'load' });
    await markNodes(page, nodes);
    release();
    await appRunning(page);
    await expect(page.getByRole('button', { name: 'Mark as played' })).toBeVisible();
    expect(await sameNodes(page, nodes)).toEqual(nodes);
    expect(notesFetched).toBe(0);
    expect(await layoutShift(page)).toBe(0);
  });
});

test('every view loaded from the host hydrates without a mismatch', async ({ page }) => {
  // The fixture fails the test on any console message about hydration, and
  // on a crash; each load must end with the app running.
  for (const [path, heading] of [
    ['./', 'Tabs & Spaces'],
    ['./?q=rust', 'Tabs & Spaces'],
    ['episodes/', 'All episodes'],
    [`episodes/${first.slug}/`, first.title],
    [`episodes/${stamped.slug}/?t=12`, stamped.title],
    ['episodes/no-such-episode/', 'Page not found'],
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(heading);
  }
});

test.describe("a host's not-found page for an address the build did not write", () => {
  test.use({ allowedErrors: [/status of 404/] });

  test('is hydrated as what it is, then the app shows the address', async ({ page, request }) => {
    // GitHub Pages answers an unknown address with 404.html, as is.
    const notFound = await (await request.get('404.html')).text();
    await page.route(`**/episodes/${first.slug}/`, (route) => route.fulfill({ status: 404, contentType: 'text/html', body: notFound }));
    await page.goto(`episodes/${first.slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
    await expect(page.locator('.show-notes')).toBeVisible();
  });
});

test.describe('typing before the app is ready', () => {
  test.use({ waitForApp: false });

  test('carries the search text and the focus over to the app', async ({ page }) => {
    const release = await holdBack(page, '**/index.json');
    await page.goto('./', { waitUntil: 'load' });
    await page.locator('#viewer-search').fill('rust');
    release();
    await appRunning(page);
    const search = page.getByRole('searchbox');
    await expect(search).toHaveValue('rust');
    await expect(search).toBeFocused();
    await expect(page).toHaveURL(/\?q=rust$/);
    await expect(page.locator('.episode-card mark').first()).toBeVisible();
    // Typing goes on in the same box.
    await page.keyboard.type('x');
    await expect(search).toHaveValue('rustx');
  });

  test('carries a filter chosen in the static form over to the app', async ({ page }) => {
    const release = await holdBack(page, '**/index.json');
    await page.goto('./', { waitUntil: 'load' });
    const year = episodes[0].date.slice(0, 4);
    await page.locator('select[name="year"]').selectOption(year);
    release();
    await appRunning(page);
    await expect(page).toHaveURL(new RegExp(`\\?year=${year}$`));
    await expect(page.getByRole('combobox', { name: 'Year' })).toHaveValue(year);
    const shown = await page.locator('.episode-card time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime').slice(0, 4)));
    expect(new Set(shown)).toEqual(new Set([year]));
  });

  test('carries "Search transcripts" ticked in the static form over to the app', async ({ page }) => {
    const release = await holdBack(page, '**/index.json');
    await page.goto('./', { waitUntil: 'load' });
    await page.locator('#viewer-search').fill('train');
    await page.getByRole('checkbox', { name: 'Search transcripts' }).check();
    release();
    await appRunning(page);
    await expect(page).toHaveURL(/\?q=train&in=transcripts$/);
    await expect(page.getByRole('checkbox', { name: 'Search transcripts' })).toBeChecked();
    await expect(page.locator('.transcript-hits mark').first()).toBeVisible();
  });
});

test.describe('the archive page', () => {
  test('keeps the list the build wrote once the app runs, and opens episodes inside the app', async ({ page }) => {
    await page.goto('episodes/');
    await expect(page.locator('.archive li')).toHaveCount(episodes.length);
    await expect(page.locator('.archive h2').first()).toHaveText(episodes[0].date.slice(0, 4));
    // A link followed inside the app: the same document, no page load.
    await page.evaluate(() => (window.__samePage = true));
    await page.getByRole('link', { name: episodes[1].title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/episodes/${episodes[1].slug}/?$`));
    await expect(page.locator('h1')).toHaveText(episodes[1].title);
    expect(await page.evaluate(() => window.__samePage)).toBe(true);
  });

  test("leaves the browser's keys alone while nothing plays: Space scrolls the page", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 400 });
    await page.goto('episodes/');
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  });

  test('with a search in the address, becomes the listing', async ({ page }) => {
    await page.goto('episodes/?utm_source=feed');
    await expect(page.locator('.archive')).toBeVisible();
    await page.goto('episodes/?q=rust');
    await expect(page.locator('.archive')).toHaveCount(0);
    await expect(page.locator('.episode-card mark').first()).toBeVisible();
  });
});

test('an episode page hydrated by the app plays and seeks from its notes', async ({ page }) => {
  await page.goto(`episodes/${stamped.slug}/`);
  await expect(page.locator('#app h1')).toHaveText(stamped.title);
  await expect(page.locator('#app .show-notes')).toBeVisible();
  await page.getByRole('button', { name: /^Play/ }).first().click();
  await expect.poll(() => page.evaluate(() => document.getElementById('viewer-audio').currentTime)).toBeGreaterThan(0.3);
  const stamp = page.locator('.show-notes a[href*="?t="]').first();
  const target = Number(/t=(\d+)/.exec(await stamp.getAttribute('href'))[1]);
  await stamp.click();
  await expect.poll(() => page.evaluate(() => document.getElementById('viewer-audio').currentTime)).toBeGreaterThanOrEqual(target);
});

test('crawlers find a sitemap, robots.txt and a web app manifest', async ({ request }) => {
  const sitemap = await (await request.get('sitemap.xml')).text();
  for (const e of episodes) expect(sitemap).toContain(`<loc>https://tabs-and-spaces.example/episodes/${e.slug}/</loc>`);
  expect(await (await request.get('robots.txt')).text()).toContain('Sitemap: https://tabs-and-spaces.example/sitemap.xml');
  const manifest = await (await request.get('manifest.webmanifest')).json();
  expect(manifest.name).toBe('Tabs & Spaces');
  expect(manifest.icons[0]).toMatchObject({ src: 'content/artwork.svg', sizes: 'any' });
  const notFound = await request.get('no/such/page.html');
  expect(notFound.status()).toBe(404);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  // Requests the browser makes while offline fail by design.
  test.use({ allowedErrors: [/ERR_INTERNET_DISCONNECTED|Failed to load resource|net::ERR_FAILED/] });

  for (const idle of [true, false]) {
    test(`the service worker is registered once the app runs${idle ? '' : ', in a browser without requestIdleCallback'}`, async ({ page }) => {
      // Its install downloads the app's files: it must not compete with
      // the page's own first load and hydration.
      await page.addInitScript((idle) => {
        if (!idle) window.requestIdleCallback = undefined;
        const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args) {
          window.__registered = { running: !!document.querySelector('#app[data-running]') };
          return register.apply(this, args);
        };
      }, idle);
      await page.goto('./');
      await page.evaluate(() => navigator.serviceWorker.ready);
      expect(await page.evaluate(() => window.__registered)).toEqual({ running: true });
    });
  }

  test('opened episodes still render offline; others say they are not saved', async ({ page, context }) => {
    await page.goto('./');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    // By keyboard: a pointer resting where the next page draws a link would
    // fetch that episode's notes ahead, and the browser could then open it
    // offline from its HTTP cache. In a page tall enough that the focus
    // scrolls nothing: the cards a scroll stops on are fetched ahead too.
    await page.setViewportSize({ width: 1280, height: 3200 });
    await page.getByRole('link', { name: first.title }).focus();
    expect(await page.evaluate(() => scrollY), 'the focus scrolled nothing').toBe(0);
    await page.keyboard.press('Enter');
    await expect(page.locator('.show-notes')).toBeVisible();
    // At rest, the page fetched its newer episode's notes ahead, and the
    // service worker kept them as it keeps every notes file fetched.
    const [newer, newest] = [episodes.at(-2), episodes.at(-3)];
    await expect.poll(() => page.evaluate((slug) => caches.match(new URL(`notes/${slug}.html`, document.baseURI).href).then(Boolean), newer.slug)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1')).toHaveText(first.title);
    await expect(page.locator('.show-notes')).toBeVisible();
    await expect(page.locator('.offline-banner')).toBeVisible();

    await page.locator('.pager-link.newer').click();
    await expect(page.locator('h1')).toHaveText(newer.title);
    await expect(page.locator('.show-notes')).toBeVisible();
    // Offline, nothing is fetched ahead: the next one was never fetched.
    await page.locator('.pager-link.newer').click();
    await expect(page.locator('h1')).toHaveText(newest.title);
    await expect(page.locator('.error-view')).toContainText('You are offline');
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.show-notes')).toBeVisible();
  });

  test("offline, a page never opened is drawn in the app's shell, in the site's words", async ({ page, context }) => {
    await page.goto('./');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await context.setOffline(true);
    // Not a page the service worker has: it answers with the shell, and
    // the app starts once the index (which it has) brings the words.
    await page.goto('episodes/');
    expect(await page.evaluate(async () => !!(await caches.match(location.href)))).toBe(false);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('All episodes');
    await expect(page.getByRole('link', { name: /Subscribe/ })).toBeVisible();
    await expect(page.locator('.offline-banner')).toBeVisible();
  });

  test('a saved episode plays offline, and can be removed', async ({ page, context }) => {
    await page.goto(`episodes/${first.slug}`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await page.getByRole('button', { name: /Save for offline/ }).click();
    await expect(page.locator('.offline-status.saved')).toContainText(/Available offline · \d+(\.\d)? KB/);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: /^Play/ }).first().click();
    await expect.poll(() => page.evaluate(() => document.getElementById('viewer-audio').currentTime), { timeout: 15_000 }).toBeGreaterThan(0.5);
    // Seeking asks the service worker for a byte range.
    await page.evaluate(() => (document.getElementById('viewer-audio').currentTime = 3));
    await expect.poll(() => page.evaluate(() => document.getElementById('viewer-audio').currentTime)).toBeGreaterThan(3.2);
    await page.goto('./');
    await expect(page.locator('.episode-card', { hasText: first.title }).locator('.badge-offline')).toBeVisible();

    await context.setOffline(false);
    await page.goto(`episodes/${first.slug}`);
    await page.getByRole('button', { name: 'Remove download' }).click();
    await expect(page.getByRole('button', { name: /Save for offline/ })).toBeVisible();
  });
});

// An episode's own season, type and artwork (the demo's TAS 12 is a bonus
// episode of season 2 with its own image): the same on the static page and
// in the app, in the feed and in link previews.
const bonus = episodes.find((e) => e.slug === 'tas-012-live-from-the-workshop');
for (const javaScriptEnabled of [false, true]) {
  test.describe(javaScriptEnabled ? 'in the app' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled, waitForApp: javaScriptEnabled });

    test("an episode's season, type and artwork show on its card and its page", async ({ page }) => {
      await page.goto('./');
      const card = page.locator('.episode-card', { hasText: bonus.title });
      await expect(card.locator('.badge').first()).toHaveText('#12');
      await expect(card.locator('.badge-type')).toHaveText('Bonus');
      await expect(card.locator('img.card-art')).toHaveAttribute('src', 'content/images/workshop.svg');
      await expect(page.locator('.episode-card', { hasText: 'TAS 11' }).locator('img.card-art')).toHaveCount(0);
      // A full episode has no type badge.
      await expect(page.locator('.episode-card', { hasText: 'TAS 11' }).locator('.badge-type')).toHaveCount(0);
      await page.goto(`episodes/${bonus.slug}/`);
      await expect(page.locator('.episode-header .badge').first()).toHaveText('Season 2, Episode 12');
      await expect(page.locator('.episode-header .badge-type')).toHaveText('Bonus');
      const art = page.locator('.episode-header img.episode-art');
      await expect(art).toHaveAttribute('src', 'content/images/workshop.svg');
      await expect.poll(() => art.evaluate((img) => img.complete && img.naturalWidth)).toBe(96);
      expect(await page.locator('meta[property="og:image"]').first().getAttribute('content')).toBe('https://tabs-and-spaces.example/content/images/workshop.svg');
    });
  });
}

test('the feed carries season, episode type and the episode artwork', async ({ request }) => {
  const xml = await (await request.get('feed.xml')).text();
  const item = xml.split('<item>').find((i) => i.includes(`<title>${bonus.title}</title>`));
  expect(item).toContain('<itunes:season>2</itunes:season>');
  expect(item).toContain('<itunes:episodeType>bonus</itunes:episodeType>');
  expect(item).toContain('<itunes:image href="https://tabs-and-spaces.example/content/images/workshop.svg"/>');
  // Every other episode is a full one.
  expect(xml.match(/<itunes:episodeType>full<\/itunes:episodeType>/g)).toHaveLength(11);
});
