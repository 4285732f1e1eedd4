// The viewer as a listener uses it: listing, episode, playback, deep links,
// and every failure a static host can produce.
import { test, expect, demoEpisodes, holdBack, appRunning } from './fixtures.mjs';
import { BIG_URL, HOSTILE_URL } from './playwright.config.mjs';

const episodes = demoEpisodes();

/**
 * Opens an episode from the listing, inside the app: its notes are then
 * fetched (an episode page loaded from the host already holds them).
 */
async function openInApp(page, episode) {
  await page.goto('./');
  await page.getByRole('link', { name: episode.title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(episode.title);
}
const withAudio = episodes.find((e) => e.episode === 4);

test('the listing shows every demo episode, newest first', async ({ page }) => {
  await page.goto('./');
  const titles = page.locator('.episode-list .card-title');
  await expect(titles).toHaveCount(episodes.length);
  expect(await titles.allInnerTexts()).toEqual(episodes.map((e) => e.title));
  // The news post is marked as such and has no number.
  const news = page.locator('.episode-card.news');
  await expect(news).toHaveCount(episodes.filter((e) => e.episode === null).length);
  await expect(page).toHaveTitle('Tabs & Spaces');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the podcast feed is announced and linked', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', 'feed.xml');
  const subscribe = page.getByRole('link', { name: 'Subscribe (RSS)' });
  await expect(subscribe).toHaveAttribute('href', 'feed.xml');
  const feed = await page.request.get(await subscribe.evaluate((a) => a.href));
  expect(feed.status()).toBe(200);
  const xml = await feed.text();
  expect(xml).toContain('<rss version="2.0"');
  expect(xml.match(/<item>/g)).toHaveLength(episodes.filter((e) => e.episode !== null).length);
});

test('the listing is drawn from one index request, without fetching any notes', async ({ page }) => {
  // Fetching ahead off (Save-Data, see "notes fetched ahead"): any notes
  // asked for would be the listing's own.
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }));
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('./');
  await expect(page.locator('.episode-card')).toHaveCount(episodes.length);
  await page.waitForTimeout(1500);
  expect(requested.filter((p) => p.endsWith('index.json'))).toHaveLength(1);
  expect(requested.filter((p) => p.includes('/notes/') || p.endsWith('.md'))).toEqual([]);
});

test('clicking an episode opens its page with notes and an audio player', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: withAudio.title }).click();
  await expect(page).toHaveURL(new RegExp(`/podcast/episodes/${withAudio.slug}/?$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(withAudio.title);
  await expect(page.locator('.show-notes table')).toBeVisible();
  await expect(page.locator('.show-notes h2#the-tools')).toBeVisible();
  await expect(page.getByRole('button', { name: `Play episode: ${withAudio.title}` })).toBeVisible();
  await expect(page.getByRole('link', { name: /Download \(\d+ KB\)/ })).toBeVisible();
  await expect(page).toHaveTitle(`${withAudio.title} · Tabs & Spaces`);
});

test.describe('notes fetched ahead', () => {
  const notesOf = (requested, e) => requested.filter((p) => p.endsWith(`/notes/${e.slug}.html`));
  const watch = (page) => {
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    return requested;
  };

  // The titles in view, in the page's order, by ui::ahead's rule: a title
  // whose top is in the window.
  const titlesInView = (page) => page.evaluate(() => [...document.querySelectorAll('.episode-list:not(.compact) .card-title a')]
    .filter((a) => { const top = a.getBoundingClientRect().top; return top >= 0 && top < innerHeight; })
    .map((a) => a.textContent.trim()));
  const inView = async (page) => {
    const titles = await titlesInView(page);
    return titles.map((t) => episodes.find((e) => e.title === t));
  };

  // A page at rest fetches a few cards in view ahead: in a window tall
  // enough to show every card, the one pointed at is among those left.
  test.describe('pointed at', () => {
    test.use({ viewport: { width: 1280, height: 3200 } });

    test('pointing at an episode fetches its notes, and opening it asks for nothing more', async ({ page }) => {
      const requested = watch(page);
      await page.goto('./');
      expect(await inView(page)).toHaveLength(episodes.length);
      const link = page.getByRole('link', { name: withAudio.title });
      await link.hover();
      await expect.poll(() => notesOf(requested, withAudio).length).toBe(1);
      await link.click();
      await expect(page.locator('.show-notes table')).toBeVisible();
      expect(notesOf(requested, withAudio)).toHaveLength(1);
    });

    test("notes fetched ahead and read are drawn with the episode page, in the click's own task", async ({ page }) => {
      const requested = watch(page);
      const read = page.waitForEvent('requestfinished', (r) => r.url().endsWith(`/notes/${withAudio.slug}.html`));
      await page.goto('./');
      const link = page.getByRole('link', { name: withAudio.title });
      await link.hover();
      await read;
      // The body is in: the fetch ahead reads it as text in a moment.
      await page.waitForTimeout(200);
      // The render that draws the episode page draws its notes too, in the
      // click's own task: no frame can show the page without them. (The
      // observer sees the page as that render left it.)
      const withNotes = await page.evaluate((title) => new Promise((resolve) => {
        const app = document.querySelector('#app');
        const observer = new MutationObserver(() => {
          const article = app.querySelector('article.episode');
          if (!article) return;
          observer.disconnect();
          resolve(article.querySelector('.show-notes') !== null);
        });
        observer.observe(app, { subtree: true, childList: true });
        [...app.querySelectorAll('.card-title a')].find((a) => a.textContent.trim() === title).click();
      }), withAudio.title);
      expect(withNotes).toBe(true);
      await expect(page.locator('.show-notes table')).toBeVisible();
      expect(notesOf(requested, withAudio)).toHaveLength(1);
    });

    test('a link reached by keyboard is fetched ahead too', async ({ page }) => {
      const requested = watch(page);
      await page.goto('./');
      expect(await inView(page)).toHaveLength(episodes.length);
      await page.getByRole('link', { name: withAudio.title }).focus();
      await expect.poll(() => notesOf(requested, withAudio).length).toBe(1);
      await page.keyboard.press('Enter');
      await expect(page.locator('.show-notes table')).toBeVisible();
      expect(notesOf(requested, withAudio)).toHaveLength(1);
    });
  });

  test('the listing at rest fetches the cards in view ahead, and where scrolling stops, those there', async ({ page }) => {
    const requested = watch(page);
    const notes = () => requested.filter((p) => p.includes('/notes/'));
    await page.goto('./');
    const first = await inView(page);
    expect(first.length, 'cards in view').toBeGreaterThan(1);
    expect(first, 'the oldest is below the fold').not.toContain(episodes.at(-1));
    const ahead = first.slice(0, 4);
    await expect.poll(() => ahead.map((e) => notesOf(requested, e).length)).toEqual(ahead.map(() => 1));
    // A few at a time, nothing below the fold.
    await page.waitForTimeout(500);
    expect(notes()).toHaveLength(ahead.length);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const there = (await inView(page)).filter((e) => !ahead.includes(e)).slice(0, 4);
    expect(there.length, 'new cards in view at the end').toBeGreaterThan(0);
    await expect.poll(() => there.map((e) => notesOf(requested, e).length)).toEqual(there.map(() => 1));
    await page.waitForTimeout(500);
    expect(notes()).toHaveLength(ahead.length + there.length);
    await page.getByRole('link', { name: there[0].title, exact: true }).click();
    await expect(page.locator('.show-notes p').first()).toBeVisible();
    expect(notesOf(requested, there[0])).toHaveLength(1);
  });

  test("an episode page fetches its older and newer episode's notes ahead, and the pager opens them from memory", async ({ page }) => {
    const requested = watch(page);
    const i = episodes.indexOf(withAudio);
    const [newer, older] = [episodes[i - 1], episodes[i + 1]];
    await page.goto(`episodes/${withAudio.slug}/`);
    await expect.poll(() => [notesOf(requested, older).length, notesOf(requested, newer).length]).toEqual([1, 1]);
    await page.locator('a.pager-link.older').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(older.title);
    await expect(page.locator('.show-notes p').first()).toBeVisible();
    expect(notesOf(requested, older)).toHaveLength(1);
    // And from there, its own older one.
    await expect.poll(() => notesOf(requested, episodes[i + 2]).length).toBe(1);
  });

  test('Save-Data and 2G connections turn it off', async ({ page }) => {
    for (const connection of [{ saveData: true, effectiveType: '4g' }, { saveData: false, effectiveType: 'slow-2g' }]) {
      await page.addInitScript((c) => Object.defineProperty(navigator, 'connection', { value: c, configurable: true }), connection);
      const requested = watch(page);
      await page.goto('./');
      const link = page.getByRole('link', { name: withAudio.title });
      await link.hover();
      // Past the moment the page at rest would fetch its cards in view.
      await page.waitForTimeout(1500);
      expect(requested.filter((p) => p.includes('/notes/')), JSON.stringify(connection)).toEqual([]);
      await link.click();
      await expect(page.locator('.show-notes table')).toBeVisible();
      expect(notesOf(requested, withAudio)).toHaveLength(1);
    }
  });
});

test('pressing play really plays the demo audio', async ({ page }) => {
  await page.goto(`episodes/${withAudio.slug}`);
  await page.getByRole('button', { name: `Play episode: ${withAudio.title}` }).click();
  const audio = page.locator('#viewer-audio');
  await expect.poll(() => audio.evaluate((a) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);
  expect(await audio.evaluate((a) => [a.paused, a.src.endsWith('content/audio/tas-4.mp3')])).toEqual([false, true]);
  expect(await audio.evaluate((a) => a.duration)).toBeGreaterThan(3);
});

test('play buttons in the listing drive the player', async ({ page }) => {
  await page.goto('./');
  const card = page.locator('.episode-card', { hasText: withAudio.title });
  await card.getByRole('button', { name: `Play episode: ${withAudio.title}` }).click();
  await expect(page.locator('.player-bar .player-title')).toHaveText(withAudio.title);
  await expect(card.getByRole('button', { name: `Pause: ${withAudio.title}` })).toBeVisible();
  await card.getByRole('button', { name: `Pause: ${withAudio.title}` }).click();
  await expect.poll(() => page.locator('#viewer-audio').evaluate((a) => a.paused)).toBe(true);
});

test('reloading a deep link works', async ({ page }) => {
  await page.goto(`episodes/${withAudio.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(withAudio.title);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(withAudio.title);
  await expect(page.locator('.show-notes')).toContainText('small command-line tools');
});

test('previous and next links walk the archive in order', async ({ page }) => {
  const i = episodes.indexOf(withAudio);
  await page.goto(`episodes/${withAudio.slug}`);
  await page.locator('.pager-link.older').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(episodes[i + 1].title);
  await expect(page.locator('.show-notes')).toBeVisible();
  await page.locator('.pager-link.newer').click();
  await page.locator('.pager-link.newer').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(episodes[i - 1].title);
});

test('a news post renders without a player', async ({ page }) => {
  const news = episodes.find((e) => e.episode === null);
  await page.goto(`episodes/${news.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(news.title);
  await expect(page.locator('.show-notes')).toBeVisible();
  await expect(page.locator('.episode-actions')).toHaveCount(0);
});

test('heading anchors and footnotes stay on the episode page', async ({ page }) => {
  const ep = episodes.find((e) => e.episode === 2);
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto(`episodes/${ep.slug}/`);
  await page.evaluate(() => (window.__samePage = true));
  // A heading's own `#` link: the address names it, and it comes into view.
  const heading = page.locator('.show-notes h2#homework');
  await expect(heading).not.toBeInViewport();
  await heading.locator('a.anchor').click();
  await expect(page).toHaveURL(new RegExp(`/podcast/episodes/${ep.slug}/#homework$`));
  await expect(heading).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('.footnote-reference a').click();
  await expect(page).toHaveURL(new RegExp(`/podcast/episodes/${ep.slug}/#survey$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ep.title);
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
});

test('a shared link to a heading of the notes opens the episode there', async ({ page }) => {
  const ep = episodes.find((e) => e.episode === 2);
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto(`episodes/${ep.slug}/#homework`);
  await page.locator('#app[data-running]').waitFor();
  // The app's own scroll to the top of a new page leaves a named place be.
  await page.waitForTimeout(300);
  await expect(page.locator('.show-notes h2#homework')).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  // Without a fragment, a new page still starts at its top.
  await page.goto(`episodes/${ep.slug}/`);
  await page.locator('#app[data-running]').waitFor();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('a Liquid post_url link in notes opens that episode inside the app', async ({ page }) => {
  const news = episodes.find((e) => e.episode === null);
  const first = episodes.find((e) => e.episode === 1);
  await page.goto(`episodes/${news.slug}`);
  await page.evaluate(() => (window.__sameDocument = true));
  await page.locator('.show-notes').getByRole('link', { name: 'our very first episode' }).click();
  await expect(page).toHaveURL(new RegExp(`/podcast/episodes/${first.slug}/?$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
  // No reload: the app, and so the audio, kept running.
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  // The relative image in the same notes is published with the site.
  await page.goBack();
  const img = page.locator('.show-notes img');
  await expect(img).toHaveAttribute('src', 'content/artwork.svg');
  await expect.poll(() => img.evaluate((i) => i.naturalWidth)).toBeGreaterThan(0);
});

test('hosts and guests are named on the episode page', async ({ page }) => {
  const interview = episodes.find((e) => e.episode === 5);
  await page.goto(`episodes/${interview.slug}`);
  await expect(page.locator('.team').first()).toHaveText('With Sam Okafor, Léa Fontaine');
  await expect(page.locator('.guests')).toHaveText('Guests: Noor Haddad');
});

test('an unknown slug and an unknown path show the not-found view', async ({ page }) => {
  for (const path of ['episodes/no-such-episode', 'no/such/page']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Back to all episodes' }).click();
  await expect(page.locator('.episode-card')).toHaveCount(episodes.length);
});

test.describe('failures', () => {
  test.use({ allowedErrors: [/Failed to load resource|ERR_INTERNET_DISCONNECTED/] });

  test('a notes 404 shows the error view, and retry recovers', async ({ page }) => {
    let fail = true;
    // Missing notes are rendered from the episode's Markdown
    // (markdown.spec.mjs): missing both, the page says so.
    for (const files of ['**/notes/*.html', '**/content/*.md']) {
      await page.route(files, (route) => (fail ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    }
    await openInApp(page, withAudio);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The show notes could not be loaded');
    await expect(alert).toContainText('404');
    // What the index knows still shows.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(withAudio.title);
    fail = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.show-notes table')).toBeVisible();
  });

  test('a network failure on the notes shows the error view', async ({ page }) => {
    await page.route('**/notes/*.html', (route) => route.abort('internetdisconnected'));
    await openInApp(page, withAudio);
    await expect(page.getByRole('alert')).toContainText('network');
  });

  test.describe('an index that does not load', () => {
    // The page as built stays; the app starts once the index loads.
    test.use({ waitForApp: false });

    test('a server error on the index shows the error view, and retry recovers', async ({ page }) => {
      let fail = true;
      await page.route('**/index.json', (route) => (fail ? route.fulfill({ status: 500, body: 'boom' }) : route.continue()));
      await page.goto('./');
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('The episodes could not be loaded');
      await expect(alert).toContainText('500');
      // The page as built still reads.
      await expect(page.locator('#app h1')).toHaveText('Tabs & Spaces');
      fail = false;
      await alert.getByRole('button', { name: 'Try again' }).click();
      await appRunning(page);
      await expect(alert).toHaveCount(0);
      await expect(page.locator('.episode-card')).toHaveCount(episodes.length);
    });

    test('a truncated index says it is damaged, and retry recovers', async ({ page }) => {
      let cut = true;
      await page.route('**/index.json', async (route) => {
        if (!cut) return route.continue();
        const whole = await (await route.fetch()).text();
        await route.fulfill({ status: 200, contentType: 'application/json', body: whole.slice(0, whole.length / 2) });
      });
      await page.goto('./');
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('index.json is damaged: it is not valid JSON, perhaps cut short');
      cut = false;
      await alert.getByRole('button', { name: 'Try again' }).click();
      await expect(page.locator('.episode-card')).toHaveCount(episodes.length);
    });

    test('an index of the wrong shape names the field at fault', async ({ page }) => {
      await page.route('**/index.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '{"site": {"title": "x"}, "episodes": [{"title": "a", "date": "2020-01-01"}, {"title": 3, "date": "2020-01-02"}]}' }),
      );
      await page.goto('./');
      await expect(page.getByRole('alert')).toContainText('index.json is damaged: entry 2: title should be text, not a number.');
    });
  });

  test.describe('a slow index', () => {
    test.use({ waitForApp: false });

    test('shows the built listing at once, and the app runs it when the index comes', async ({ page }) => {
      const release = await holdBack(page, '**/index.json');
      await page.goto('./');
      // The listener reads and clicks from the first paint on.
      await expect(page.locator('.episode-card').first()).toBeVisible();
      await page.waitForTimeout(3000);
      await expect(page.locator('#app')).not.toHaveAttribute('data-running');
      release();
      await appRunning(page);
      await expect(page.locator('.episode-card')).toHaveCount(episodes.length);
    });
  });

  test('going offline mid-session: a new episode says so, and retry works once back', async ({ page, context }) => {
    await page.goto('./');
    await expect(page.locator('.episode-card')).toHaveCount(episodes.length);
    await context.setOffline(true);
    await page.getByRole('link', { name: withAudio.title }).click();
    // What the index knows still shows; the notes cannot come.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(withAudio.title);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('You are offline, and this page has not been saved on this device');
    await expect(page.locator('.offline-banner')).toBeVisible();
    await context.setOffline(false);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.show-notes table')).toBeVisible();
    await expect(page.locator('.offline-banner')).toHaveCount(0);
  });

});

test('a host that answers a missing notes file with its app page shows the error view', async ({ page }) => {
  // Netlify-style `/* /index.html 200` rewrites answer every path with the
  // app: the notes and the episode's Markdown file, which would stand in
  // for them, alike.
  for (const files of ['**/notes/*.html', '**/content/*.md']) {
    await page.route(files, async (route) => {
      const app = await page.request.get('./');
      route.fulfill({ status: 200, contentType: 'text/html', body: await app.text() });
    });
  }
  await openInApp(page, withAudio);
  await expect(page.getByRole('alert')).toContainText('404');
  await expect(page.locator('.show-notes')).toHaveCount(0);
});

for (const [scheme, width] of [['light', 360], ['dark', 360], ['light', 1280], ['dark', 1280]]) {
  test(`the layout fits ${width}px in ${scheme} mode`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    for (const [name, path] of [['listing', './'], ['episode', `episodes/${withAudio.slug}`]]) {
      await page.goto(path);
      await expect(page.locator('.episode-card, .show-notes').first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/screens/${name}-${width}-${scheme}.png` });
    }
  });
}

test.describe("the show's links", () => {
  test('"Listen on" names each app of the settings, in their order, and the feed copies and opens in an app', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('./');
    await appRunning(page);
    const links = page.getByRole('navigation', { name: 'Subscribe' });
    await expect(links.locator('.listen-on')).toContainText('Listen on');
    await expect(links.locator('.app-link')).toHaveText(['Apple Podcasts', 'Spotify', 'Pocket Casts', 'AntennaPod']);
    await expect(links.getByRole('link', { name: 'Spotify' })).toHaveAttribute('href', 'https://open.spotify.example/show/tabs-and-spaces');
    // A funding link without words of its own says so in the site's language.
    await expect(links.getByRole('link', { name: 'Support the show' })).toHaveAttribute('href', 'https://tabs-and-spaces.example/support/');
    await expect(links.getByRole('link', { name: 'Open in a podcast app' })).toHaveAttribute('href', 'podcast://tabs-and-spaces.example/feed.xml');
    await links.getByRole('link', { name: 'Copy feed URL' }).click();
    await expect(links.getByRole('status')).toHaveText('Feed URL copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://tabs-and-spaces.example/feed.xml');
    await expect(links.getByRole('link', { name: 'Copy feed URL' })).toBeVisible({ timeout: 5000 });
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false, waitForApp: false });
    test('the links are on the page the build wrote, and the feed link opens the feed', async ({ page }) => {
      await page.goto('./');
      const links = page.getByRole('navigation', { name: 'Subscribe' });
      await expect(links.locator('.app-link')).toHaveCount(4);
      await expect(links.getByRole('link', { name: 'Copy feed URL' })).toHaveAttribute('href', 'https://tabs-and-spaces.example/feed.xml');
    });
  });

  test.describe('on an archive whose settings name none', () => {
    test.use({ baseURL: BIG_URL });
    test('there are none', async ({ page }) => {
      await page.goto('./');
      await appRunning(page);
      await expect(page.locator('.intro h1')).toBeVisible();
      await expect(page.locator('.show-links')).toHaveCount(0);
    });
  });

  test.describe('in hostile settings', () => {
    test.use({ baseURL: HOSTILE_URL });
    test('markup stays text, and an address that is no web address is left out', async ({ page }) => {
      await page.goto('./');
      await appRunning(page);
      const links = page.locator('.show-links');
      await expect(links.locator('.app-link')).toHaveText(['<b onmouseover=window.__pwned=1>app</b>']);
      await expect(links.locator('.funding a')).toHaveText('<img src=x onerror=window.__pwned=1>');
      await expect(links.locator('img, b, [href^="javascript"]')).toHaveCount(0);
      for (const a of await links.locator('a').all()) await a.hover();
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    });
  });
});
