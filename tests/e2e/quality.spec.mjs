// Quality gates in the browser: axe-core on every view in both colour
// schemes, keyboard-only use, announcements, and the Content Security
// Policy the release build ships with.
import { test, expect, demoEpisodes, violations } from './fixtures.mjs';

const episodes = demoEpisodes();
const withAudio = episodes.find((e) => e.episode === 4);
const views = {
  listing: async (page) => {
    await page.goto('./');
    await expect(page.locator('.episode-card').first()).toBeVisible();
  },
  episode: async (page) => {
    await page.goto(`episodes/${withAudio.slug}`);
    await expect(page.locator('.show-notes table')).toBeVisible();
  },
  'search results': async (page) => {
    await page.goto('./');
    await page.getByRole('searchbox').fill('rust');
    await expect(page.locator('.episode-card mark').first()).toBeVisible();
  },
  'results in transcripts': async (page) => {
    await page.goto('./?q=train&in=transcripts');
    await expect(page.locator('.transcript-hits mark').first()).toBeVisible();
    await expect(page.locator('.episode-card mark').first()).toBeVisible();
  },
  'no results': async (page) => {
    await page.goto('./?q=zzzzqqq');
    await expect(page.getByRole('button', { name: 'Clear search and filters' })).toBeVisible();
  },
  'not found': async (page) => {
    await page.goto('episodes/no-such-episode');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  },
  error: async (page) => {
    await page.route('**/notes/*.html', (route) => route.fulfill({ status: 500, body: 'boom' }));
    await page.goto('./');
    await page.getByRole('link', { name: withAudio.title, exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  },
  'notes rendered from Markdown': async (page) => {
    await page.route(`**/notes/${withAudio.slug}.html`, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('./');
    await page.getByRole('link', { name: withAudio.title, exact: true }).click();
    await expect(page.locator('.show-notes .notes-origin')).toBeVisible();
  },
  'preview, with a problem': async (page) => {
    await page.goto('preview/');
    await page.getByLabel('Front matter and show notes').fill('---\ntitle: Audited\ndate: 2026-11-30\nepisode: 5\n---\n## Notes\n\n{% nosuchtag %}\n');
    await expect(page.locator('.preview-problems li.warning')).toBeVisible();
    await expect(page.locator('.preview-page h1')).toHaveText('Audited');
  },
  'transcript following playback and finding': async (page) => {
    const talk = episodes.find((e) => e.episode === 11);
    await page.goto(`episodes/${talk.slug}`);
    await page.locator('section.transcript summary').click();
    await page.locator('.cue').nth(3).click();
    await expect(page.locator('.cue[aria-current]')).toHaveCount(1);
    await page.getByRole('searchbox', { name: 'Find in the transcript' }).fill('offline');
    await expect(page.locator('.cue[data-at]')).toHaveCount(1);
    await page.getByRole('button', { name: 'Pause' }).first().click();
  },
  'player open': async (page) => {
    await page.goto(`episodes/${withAudio.slug}`);
    await page.getByRole('button', { name: `Play episode: ${withAudio.title}` }).click();
    await expect(page.locator('.player-bar')).toBeVisible();
    await page.getByRole('button', { name: 'Pause' }).first().click();
  },
};

test.describe('axe-core finds no violation', () => {
  test.use({ allowedErrors: [/Failed to load resource/] });
  for (const scheme of ['light', 'dark']) {
    for (const [name, open] of Object.entries(views)) {
      test(`${name}, ${scheme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await open(page);
        expect(await violations(page)).toEqual([]);
      });
    }
  }
});

test.describe('before the app', () => {
  // The app is held back, so the static page is what is audited.
  test.use({ allowedErrors: [/Failed to load/], waitForApp: false });

  test('the static pages pass axe-core too', async ({ page }) => {
    await page.route('**/app-*', (route) => route.abort());
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of ['./', `episodes/${withAudio.slug}`, 'episodes/']) {
        await page.goto(path);
        await expect(page.locator('#app h1')).toBeVisible();
        await expect(page.locator('#app')).not.toHaveAttribute('data-running');
        expect(await violations(page), `${path}, ${scheme}`).toEqual([]);
      }
    }
  });

  test('an index that does not load: the page, and the error over it, pass too', async ({ page }) => {
    await page.route('**/index.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./');
      await expect(page.getByRole('alert')).toContainText('The episodes could not be loaded');
      expect(await violations(page), scheme).toEqual([]);
    }
  });
});

test.describe('keyboard only', () => {
  test('the first Tab reaches a skip link that moves focus to the content', async ({ page }) => {
    await page.goto(`episodes/${withAudio.slug}`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    // The next Tab goes on from the content, not from the top.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => document.querySelector('main').contains(document.activeElement));
    expect(inMain).toBe(true);
  });

  test('Tab reaches search, an episode and the whole player, with a visible focus ring, and no trap', async ({ page }) => {
    await page.goto('./');
    const reached = new Set();
    let ringless = [];
    let ended = false;
    // Walk the whole page forward; a trap would cycle before the end.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {
          name: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40) || el.getAttribute('type') || el.tagName,
          tag: el.tagName,
          ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });
      if (info.tag === 'BODY') {
        ended = true;
        break;
      }
      reached.add(info.name);
      if (!info.ring) ringless.push(info.name);
    }
    // Tab went through the whole page and out of it: no trap.
    expect(ended).toBe(true);
    expect([...reached]).toEqual(expect.arrayContaining(['Skip to content', withAudio.title]));
    expect(reached.has('Search episodes') || [...reached].some((n) => /search/i.test(n))).toBe(true);
    expect(ringless).toEqual([]);

    // Open an episode and play it without a mouse.
    await page.getByRole('link', { name: withAudio.title }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(withAudio.title);
    await page.getByRole('button', { name: `Play episode: ${withAudio.title}` }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.player-bar')).toBeVisible();
    const seek = page.getByRole('slider', { name: 'Position' });
    await seek.focus();
    await page.keyboard.press('ArrowRight');
    const audio = page.locator('#viewer-audio');
    await expect.poll(() => audio.evaluate((a) => a.currentTime)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause' }).first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => audio.evaluate((a) => a.paused)).toBe(true);
  });

  test('search result counts are announced by a live region that is there before the search', async ({ page }) => {
    await page.goto('./');
    const status = page.locator('p.count[role="status"]');
    await expect(status).toHaveCount(1);
    await expect(status).toHaveAttribute('aria-live', 'polite');
    const handle = await status.elementHandle();
    await page.getByRole('searchbox').fill('rust');
    await expect(status).toHaveText(/^(\d+ episodes|1 episode)$/);
    // The same element: screen readers announce changes to a region they
    // already know, not a new one.
    expect(await handle.evaluate((el) => el.isConnected)).toBe(true);
    await page.getByRole('searchbox').fill('zzzzqqq');
    await expect(status).toHaveText('0 episodes');
    expect(await handle.evaluate((el) => el.isConnected)).toBe(true);
  });
});

test.describe('Content Security Policy', () => {
  test('every page is served with the strict policy, naming the loader by hash', async ({ page, request }) => {
    for (const path of ['./', `episodes/${withAudio.slug}`, 'episodes/', 'no/such/page']) {
      const response = await request.get(path);
      const header = response.headers()['content-security-policy'];
      expect(header, path).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'; style-src 'self' 'unsafe-inline'; img-src \* data:; media-src \*; /);
      expect(header).toContain("frame-src https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com");
      expect(header).not.toMatch(/script-src[^;]*unsafe-inline/);
      // The same policy is in the page, for hosts that cannot send headers.
      const html = await response.text();
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
      expect(meta?.[1].replaceAll('&quot;', '"'), path).toBe(header);
    }
  });

});

test.describe('Content Security Policy at work', () => {
  // The fixture fails any test on a violation report; this one is on purpose.
  test.use({ allowedErrors: [/CSP violation: script-src|inline script violates the following Content Security Policy/] });

  test('the app runs under it, and it blocks an injected inline script', async ({ page }) => {
    await page.goto(`episodes/${withAudio.slug}`);
    await page.getByRole('button', { name: `Play episode: ${withAudio.title}` }).click();
    await expect(page.locator('.player-bar')).toBeVisible();
    const blocked = await page.evaluate(
      () =>
        new Promise((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
          const s = document.createElement('script');
          s.textContent = 'window.__ran = true';
          document.body.append(s);
          setTimeout(() => resolve(window.__ran ? 'ran' : 'no report'), 2000);
        }),
    );
    expect(blocked).toMatch(/^script-src/);
    expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  });
});
