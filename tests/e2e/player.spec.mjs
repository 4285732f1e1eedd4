// The persistent player, as a listener uses it: play, browse, resume,
// control by keyboard and lock screen, chapters, timestamps and shared links.
import { test, expect, recordMediaSession, demoEpisodes } from './fixtures.mjs';

const episodes = demoEpisodes();
const live = episodes.find((e) => e.episode === 12); // 27 s, with chapters
const tools = episodes.find((e) => e.episode === 4);
const audio = (page) => page.locator('#viewer-audio');
const time = (page) => audio(page).evaluate((a) => a.currentTime);
const bar = (page) => page.locator('.player-bar');

async function playFromEpisodePage(page, ep) {
  await page.goto(`episodes/${ep.slug}`);
  await page.locator('.episode-actions .play-button').first().click();
  await expect.poll(() => time(page)).toBeGreaterThan(0.3);
}

test('playback goes on, in the same element, while the listener browses', async ({ page }) => {
  await playFromEpisodePage(page, live);
  await audio(page).evaluate((a) => (a.__marker = 'first'));
  await expect(bar(page).locator('.player-title')).toHaveText(live.title);
  await page.getByRole('link', { name: /All episodes/ }).first().click();
  await expect(page.locator('.episode-card')).toHaveCount(episodes.length);
  const t1 = await time(page);
  await page.getByRole('link', { name: tools.title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tools.title);
  await expect.poll(() => time(page)).toBeGreaterThan(t1 + 0.5);
  expect(await audio(page).evaluate((a) => [a.__marker, a.paused, a.src.endsWith('live-from-the-workshop.mp3')])).toEqual(['first', false, true]);
  await expect(page.locator('audio')).toHaveCount(1);
});

test('reload restores the position and the speed', async ({ page }) => {
  await playFromEpisodePage(page, live);
  // The browser's own list: keys, Escape and a phone's picker come with it.
  const speed = bar(page).getByRole('combobox', { name: /^Playback speed/ });
  await expect(speed).toHaveAccessibleName('Playback speed 1.0×');
  await speed.selectOption({ label: '1.5×' });
  await expect.poll(() => audio(page).evaluate((a) => a.playbackRate)).toBe(1.5);
  await expect.poll(() => time(page)).toBeGreaterThan(6);
  // No pause: the position must be saved when the page goes away.
  await page.reload();
  const resume = page.getByRole('button', { name: /^Resume at 0:0[6-9].*Live from the workshop/ });
  await expect(resume).toBeVisible();
  await resume.click();
  await expect.poll(() => time(page)).toBeGreaterThan(6);
  expect(await audio(page).evaluate((a) => a.playbackRate)).toBe(1.5);
  // It says the speed again, named with what it shows.
  await expect(speed).toHaveAccessibleName('Playback speed 1.5×');
  await expect(speed).toHaveValue('');
});

test('a timestamp in the notes seeks, switching episode first', async ({ page }) => {
  await playFromEpisodePage(page, tools);
  await page.goto(`episodes/${live.slug}`);
  // Loading a page keeps the app: the other episode still plays.
  await page.locator('.show-notes a.timestamp', { hasText: '0:14' }).click();
  await expect.poll(() => audio(page).evaluate((a) => a.src)).toContain('live-from-the-workshop.mp3');
  await expect.poll(() => time(page)).toBeGreaterThanOrEqual(14);
  expect(await time(page)).toBeLessThan(17);
  await expect(page).toHaveURL(new RegExp(`episodes/${live.slug}/?$`));
  await expect(bar(page).locator('.player-chapter')).toHaveText('The lightning round');
});

for (const t of ['10', '0:10', '10s']) {
  test(`?t=${t} opens the episode paused at 10 seconds`, async ({ page }) => {
    await page.goto(`episodes/${live.slug}?t=${t}`);
    await expect(page.getByRole('button', { name: /^Start at 0:10/ })).toBeVisible();
    await expect.poll(() => time(page)).toBe(10);
    expect(await audio(page).evaluate((a) => a.paused)).toBe(true);
    await page.getByRole('button', { name: /^Start at 0:10/ }).click();
    await expect.poll(() => time(page)).toBeGreaterThan(10.3);
  });
}

test('a ?t= past the episode\'s end starts nothing', async ({ page }) => {
  await page.goto(`episodes/${live.slug}?t=99:00`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(live.title);
  await expect(page.getByRole('button', { name: /^Start at/ })).toHaveCount(0);
  await expect(page.locator('.episode-actions .play-button').first()).toBeVisible();
});

test('copy link at the current time gives a ?t= link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`episodes/${live.slug}?t=12`);
  const share = bar(page).locator('.share-at');
  await expect(share).toHaveText('Copy link at 0:12');
  await expect(share).toHaveAttribute('href', new RegExp(`/podcast/episodes/${live.slug}/?\\?t=12$`));
  await share.click();
  await expect(share).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/podcast/episodes/${live.slug}/?\\?t=12$`));
});

test('a clip link (?t=a,b) plays from a to b and stops, and the whole episode plays on', async ({ page }) => {
  await page.goto(`episodes/${live.slug}?t=0:03,5`);
  // Paused at the clip's start: browsers block autoplay.
  await expect.poll(() => time(page)).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: /^Play clip 0:03–0:05/ }).click();
  await expect.poll(() => audio(page).evaluate((a) => a.paused), { timeout: 10_000 }).toBe(true);
  const stopped = await time(page);
  expect(stopped).toBeGreaterThanOrEqual(5);
  expect(stopped).toBeLessThan(5.8);
  // The whole episode: from its start, on past the clip's end.
  await page.getByRole('button', { name: `Play the whole episode: ${live.title}` }).click();
  await expect.poll(() => time(page)).toBeLessThan(2);
  await expect.poll(() => time(page), { timeout: 15_000 }).toBeGreaterThan(6);
  expect(await audio(page).evaluate((a) => a.paused)).toBe(false);
});

test('"Share a clip": the player marks a start, and copies a link from there to now', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await playFromEpisodePage(page, live);
  await expect.poll(() => time(page)).toBeGreaterThan(1);
  const mark = bar(page).getByRole('button', { name: 'Start a clip here' });
  await mark.click();
  const from = Math.floor(await time(page));
  await expect(bar(page).getByRole('button', { name: 'Cancel the clip' })).toBeVisible();
  await expect.poll(() => time(page)).toBeGreaterThan(from + 2.2);
  await page.keyboard.press('k');
  const share = bar(page).locator('.share-at');
  await expect(share).toHaveText(new RegExp(`^Copy clip 0:0${from}–0:0\\d$`));
  await share.click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const [, a, b] = link.match(new RegExp(`/podcast/episodes/${live.slug}/?\\?t=(\\d+),(\\d+)$`));
  expect(Number(a)).toBe(from);
  expect(Number(b)).toBeGreaterThanOrEqual(from + 2);
  // The copied link plays that clip.
  await page.goto(link.replace(/^.*\/podcast\//, ''));
  await expect(page.getByRole('button', { name: new RegExp(`^Play clip 0:0${a}–0:0${b}`) })).toBeVisible();
});

test.describe('the sleep timer', () => {
  const offline = episodes.find((e) => e.episode === 11); // 3:12
  const sleep = (page) => bar(page).getByRole('combobox', { name: 'Sleep timer' });
  const said = (page) => sleep(page).locator('option').first();
  const volume = (page) => audio(page).evaluate((a) => a.volume);

  test('fades the volume over its last seconds, then pauses, and gives the volume back', async ({ page }) => {
    // The page's clock is the test's: minutes pass at once.
    await page.clock.install();
    await playFromEpisodePage(page, offline);
    await sleep(page).selectOption('5');
    await expect(said(page)).toHaveText(/^Sleep in [45]:\d\d$/);
    await expect(sleep(page)).toHaveValue('');
    await page.clock.fastForward('04:55');
    // About 5 s left: half the volume, still playing.
    await expect.poll(() => volume(page)).toBeLessThan(0.75);
    expect(await volume(page)).toBeGreaterThan(0.05);
    expect(await audio(page).evaluate((a) => a.paused)).toBe(false);
    await page.clock.fastForward(10_000);
    await expect.poll(() => audio(page).evaluate((a) => a.paused)).toBe(true);
    await expect(said(page)).toHaveText('Sleep timer');
    expect(await volume(page)).toBe(1);
  });

  test('holds while paused, can be extended, and turned off', async ({ page }) => {
    await page.clock.install();
    await playFromEpisodePage(page, offline);
    await sleep(page).selectOption('15');
    await expect(said(page)).toHaveText(/^Sleep in 1[45]:\d\d$/);
    await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(bar(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    // Time spent paused is not listening.
    await page.clock.fastForward('20:00');
    await expect(said(page)).toHaveText(/^Sleep in 1[45]:\d\d$/);
    await bar(page).getByRole('button', { name: 'Play', exact: true }).click();
    await sleep(page).selectOption('extend');
    await expect(said(page)).toHaveText(/^Sleep in (19|20):\d\d$/);
    await sleep(page).selectOption('off');
    await expect(said(page)).toHaveText('Sleep timer');
    await expect(sleep(page).locator('option[value="off"]')).toHaveCount(0);
  });

  test('"End of chapter" moves with a skip to the next chapter', async ({ page }) => {
    await playFromEpisodePage(page, live);
    await sleep(page).selectOption('chapter');
    // Skipping to the next chapter asks to hear it: the timer now ends
    // with that one (0:14), not the first (0:06).
    await bar(page).getByRole('button', { name: 'Next chapter' }).click();
    await expect(bar(page).locator('.player-chapter')).toHaveText('Audience questions');
    await expect.poll(() => time(page)).toBeGreaterThanOrEqual(7);
    await expect(said(page)).toHaveText(/^Sleep in/);
    await expect.poll(() => audio(page).evaluate((a) => a.paused), { timeout: 15_000 }).toBe(true);
    const stopped = await time(page);
    expect(stopped).toBeGreaterThanOrEqual(14);
    expect(stopped).toBeLessThan(14.8);
  });

  test('"End of chapter" pauses where the chapter ends; "End of episode" ends with it', async ({ page }) => {
    await playFromEpisodePage(page, live);
    // The first chapter ends at 0:06.
    await sleep(page).selectOption('chapter');
    await expect.poll(() => audio(page).evaluate((a) => a.paused), { timeout: 15_000 }).toBe(true);
    const stopped = await time(page);
    expect(stopped).toBeGreaterThanOrEqual(6);
    expect(stopped).toBeLessThan(6.8);
    await expect(said(page)).toHaveText('Sleep timer');
    // A chapter's end belongs to its episode.
    await sleep(page).selectOption('chapter');
    await expect(said(page)).toHaveText(/^Sleep in/);
    await page.getByRole('link', { name: /All episodes/ }).first().click();
    await page.getByRole('button', { name: `Play episode: ${tools.title}` }).click();
    await expect.poll(() => audio(page).evaluate((a) => a.src)).toContain('tas-4.mp3');
    await expect(said(page)).toHaveText('Sleep timer');
    await page.goto(`episodes/${live.slug}`);
    await page.locator('.episode-actions .play-button').first().click();
    await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
    await sleep(page).selectOption('episode');
    await bar(page).getByRole('button', { name: 'Play', exact: true }).click();
    await expect(said(page)).toHaveText(/^Sleep in 0:[12]\d$/);
    await audio(page).evaluate((a) => (a.currentTime = a.duration - 1));
    await expect.poll(() => audio(page).evaluate((a) => a.ended), { timeout: 10_000 }).toBe(true);
    await expect(said(page)).toHaveText('Sleep timer');
    expect(await volume(page)).toBe(1);
  });
});

test('keyboard shortcuts drive the player, and stay quiet in form fields', async ({ page }) => {
  await playFromEpisodePage(page, live);
  const a = audio(page);
  await page.locator('h1').click();
  await page.keyboard.press('k');
  await expect.poll(() => a.evaluate((x) => x.paused)).toBe(true);
  await page.keyboard.press(' ');
  await expect.poll(() => a.evaluate((x) => x.paused)).toBe(false);
  await page.keyboard.press('k');
  // Seeking from a paused player: where it lands cannot drift.
  await expect.poll(() => a.evaluate((x) => x.paused)).toBe(true);
  await a.evaluate((x) => (x.currentTime = 10));
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => time(page)).toBeCloseTo(15, 0);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => time(page)).toBeCloseTo(10, 0);
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => time(page)).toBeGreaterThan(26);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => time(page)).toBeLessThan(13);
  await page.keyboard.press('5');
  await expect.poll(() => time(page)).toBeCloseTo(await a.evaluate((x) => x.duration / 2), 0);
  await page.keyboard.press('0');
  await expect.poll(() => time(page)).toBe(0);
  await page.keyboard.press('>');
  await expect.poll(() => a.evaluate((x) => x.playbackRate)).toBe(1.1);
  await page.keyboard.press('<');
  await page.keyboard.press('<');
  await expect.poll(() => a.evaluate((x) => x.playbackRate)).toBe(0.9);
  await page.keyboard.press('m');
  await expect.poll(() => a.evaluate((x) => x.muted)).toBe(true);
  await page.keyboard.press('m');
  await expect.poll(() => a.evaluate((x) => x.muted)).toBe(false);

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Play or pause');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Typing in a field is typing, not commands.
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'typing';
    document.querySelector('main').prepend(input);
  });
  await page.locator('#typing').focus();
  await page.keyboard.type('k m 5 >');
  expect(await a.evaluate((x) => [x.paused, x.muted, x.playbackRate])).toEqual([true, false, 0.9]);
  await expect(page.locator('#typing')).toHaveValue('k m 5 >');
  await bar(page).getByRole('slider', { name: 'Volume' }).focus();
  await page.keyboard.press('k');
  expect(await a.evaluate((x) => x.paused)).toBe(true);
});

test.describe('lock screen', () => {
  test.beforeEach(({ page }) => recordMediaSession(page));

  test('Media Session metadata and actions work', async ({ page }) => {
    await playFromEpisodePage(page, live);
    await expect.poll(() => page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe(`Welcome · ${live.title}`);
    expect(await page.evaluate(() => navigator.mediaSession.metadata.album)).toBe('Tabs & Spaces');
    expect(await page.evaluate(() => navigator.mediaSession.metadata.artwork.map((a) => a.sizes))).toEqual(['96x96', '128x128', '192x192', '256x256', '384x384', '512x512']);
    await expect(page.locator('.player-bar img.player-art')).toHaveAttribute('src', 'content/images/workshop.svg');
    // This episode's own artwork, not the show's.
    expect(await page.evaluate(() => navigator.mediaSession.metadata.artwork[0].src)).toMatch(/\/content\/images\/workshop\.svg$/);
    expect(await page.evaluate(() => Object.keys(window.__media).sort())).toEqual(['nexttrack', 'pause', 'play', 'previoustrack', 'seekbackward', 'seekforward', 'seekto']);
    await page.evaluate(() => window.__media.pause({ action: 'pause' }));
    await expect.poll(() => audio(page).evaluate((a) => a.paused)).toBe(true);
    await page.evaluate(() => window.__media.seekto({ action: 'seekto', seekTime: 15 }));
    await expect.poll(() => time(page)).toBe(15);
    await expect.poll(() => page.evaluate(() => navigator.mediaSession.metadata.title)).toBe(`The lightning round · ${live.title}`);
    await page.evaluate(() => window.__media.seekbackward({ action: 'seekbackward' }));
    await expect.poll(() => time(page)).toBe(0);
    await page.evaluate(() => window.__media.play({ action: 'play' }));
    await expect.poll(() => audio(page).evaluate((a) => a.paused)).toBe(false);
    // "Next" goes to the next chapter; in the last, with nothing queued,
    // to the older episode (tests/e2e/queue.spec.mjs has the queue's).
    await page.evaluate(() => window.__media.nexttrack({ action: 'nexttrack' }));
    await expect(bar(page).locator('.player-chapter')).toHaveText('Audience questions');
    await page.evaluate(() => window.__media.seekto({ action: 'seekto', seekTime: 22 }));
    await expect(bar(page).locator('.player-chapter')).toHaveText('Goodbye');
    // "Previous" mirrors it: a chapter's start, the one before in its
    // first seconds (1 s into Goodbye, so the lightning round).
    await page.evaluate(() => window.__media.previoustrack({ action: 'previoustrack' }));
    await expect.poll(async () => { const t = await time(page); return t >= 14 && t < 17; }).toBe(true);
    await expect(bar(page).locator('.player-chapter')).toHaveText('The lightning round');
    await expect(bar(page).locator('.player-title')).toHaveText(live.title);
    await page.evaluate(() => window.__media.seekto({ action: 'seekto', seekTime: 22 }));
    await expect(bar(page).locator('.player-chapter')).toHaveText('Goodbye');
    const older = episodes[episodes.indexOf(live) + 1];
    await page.evaluate(() => window.__media.nexttrack({ action: 'nexttrack' }));
    await expect(bar(page).locator('.player-title')).toHaveText(older.title);
    await page.evaluate(() => window.__media.previoustrack({ action: 'previoustrack' }));
    await expect(bar(page).locator('.player-title')).toHaveText(live.title);
  });
});

test('after a reload the episode last heard is back in the bar, paused where it was', async ({ page }) => {
  await playFromEpisodePage(page, live);
  // Past the first 5 seconds: an episode barely started is not in progress.
  await expect.poll(() => time(page)).toBeGreaterThan(6);
  await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
  const at = await time(page);
  // With something queued: bringing the episode back is not playing it, so
  // it does not load the queue's module.
  await page.goto('./');
  const other = episodes.find((e) => e.episode === 11);
  await page.getByRole('button', { name: `Add to queue: ${other.title}` }).first().click();
  await expect(bar(page).getByRole('button', { name: 'Up next' })).toBeVisible();
  const fetched = [];
  page.on('request', (r) => /\.mp3$|\/queue-[0-9a-f]+_bg\.wasm$/.test(r.url()) && fetched.push(r.url()));
  await page.reload();
  await expect(bar(page).locator('.player-title')).toHaveText(live.title);
  await expect(bar(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(await audio(page).evaluate((a) => a.paused)).toBe(true);
  // Its audio waits for the listener.
  await page.waitForTimeout(500);
  expect(fetched).toEqual([]);
  await bar(page).getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => audio(page).evaluate((a) => !a.paused && a.readyState > 0)).toBe(true);
  expect(await time(page)).toBeGreaterThanOrEqual(at - 1);
});

test('the listing marks episodes in progress and played', async ({ page }) => {
  await playFromEpisodePage(page, live);
  await expect.poll(() => time(page)).toBeGreaterThan(6);
  await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
  const other = episodes.find((e) => e.episode === 11);
  await page.goto(`episodes/${other.slug}`);
  await page.getByRole('button', { name: 'Mark as played' }).click();
  await expect(page.getByRole('button', { name: 'Mark as unplayed' })).toBeVisible();
  await page.getByRole('link', { name: /All episodes/ }).first().click();

  const continueSection = page.locator('section.continue');
  await expect(continueSection.locator('.card-title')).toHaveText([live.title]);
  const liveCard = page.locator('.episode-list:not(.compact) .episode-card', { hasText: live.title });
  await expect(liveCard.getByRole('progressbar')).toBeVisible();
  const percent = Number(await liveCard.getByRole('progressbar').getAttribute('aria-valuenow'));
  expect(percent).toBeGreaterThan(15);
  expect(percent).toBeLessThan(100);
  const otherCard = page.locator('.episode-card', { hasText: other.title });
  await expect(otherCard).toHaveClass(/played/);
  await expect(otherCard).toContainText('Played');
  // And back.
  await page.goto(`episodes/${other.slug}`);
  await page.getByRole('button', { name: 'Mark as unplayed' }).click();
  await page.goto('./');
  await expect(page.locator('.episode-card', { hasText: other.title })).not.toHaveClass(/played/);
});

test('chapters: the list seeks, the bar names and skips them', async ({ page }) => {
  await page.goto(`episodes/${live.slug}`);
  const chapters = page.getByRole('region', { name: 'Chapters' });
  await expect(chapters.getByRole('button')).toHaveText([/0:00\s*Welcome/, /0:06\s*Audience questions/, /0:14\s*The lightning round/, /0:21\s*Goodbye/]);
  await chapters.getByRole('button', { name: /The lightning round/ }).click();
  await expect.poll(() => time(page)).toBeGreaterThanOrEqual(14);
  await expect(bar(page).locator('.player-chapter')).toHaveText('The lightning round');
  await expect(chapters.locator('li.current')).toContainText('The lightning round');
  await expect(bar(page).locator('.chapter-mark')).toHaveCount(3);
  await bar(page).getByRole('button', { name: 'Next chapter' }).click();
  await expect.poll(() => time(page)).toBeGreaterThanOrEqual(21);
  await bar(page).getByRole('button', { name: 'Previous chapter' }).click();
  await expect.poll(() => time(page)).toBeLessThan(21);
  // Chapters from a Podcasting 2.0 JSON file.
  const tabs = episodes.find((e) => e.episode === 2);
  await page.goto(`episodes/${tabs.slug}`);
  await expect(page.getByRole('region', { name: 'Chapters' }).getByRole('button')).toHaveCount(3);
});

test('the seek slider is labelled and spoken', async ({ page }) => {
  await page.goto(`episodes/${live.slug}?t=14`);
  const slider = bar(page).getByRole('slider', { name: 'Position' });
  await expect(slider).toHaveAttribute('aria-valuetext', '14 seconds of 27 seconds');
  await slider.fill('21');
  await expect.poll(() => time(page)).toBe(21);
  for (const name of ['Back 15 seconds', 'Forward 30 seconds', 'Play', 'Mute']) {
    await expect(bar(page).getByRole('button', { name, exact: true })).toBeVisible();
  }
  // Named by what it shows, after what it is.
  await expect(bar(page).getByRole('combobox', { name: 'Playback speed 1.0×', exact: true })).toBeVisible();
});

test.describe('audio failures', () => {
  test.use({ allowedErrors: [/Failed to load resource/] });

  test('a missing audio file shows the player error, and retry recovers', async ({ page }) => {
    let fail = true;
    await page.route('**/*.mp3', (route) => (fail ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    await page.goto(`episodes/${live.slug}`);
    await page.locator('.episode-actions .play-button').first().click();
    const error = bar(page).getByRole('alert');
    await expect(error).toContainText('could not be loaded');
    fail = false;
    await error.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => time(page)).toBeGreaterThan(0.3);
    await expect(bar(page).getByRole('alert')).toHaveCount(0);
  });

  test('a file that is not audio says it cannot be played', async ({ page }) => {
    await page.route('**/*.mp3', (route) => route.fulfill({ status: 200, contentType: 'audio/mpeg', body: 'this is not an mp3 file '.repeat(200) }));
    await page.goto(`episodes/${live.slug}`);
    await page.locator('.episode-actions .play-button').first().click();
    await expect(bar(page).getByRole('alert')).toContainText(/damaged|could not be loaded/);
  });
});
