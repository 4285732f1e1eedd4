// Transcripts as a listener uses them: open, follow playback over real
// seconds of the demo's two-voice conversation, seek by a cue, find words,
// scroll by hand; find them by site search; and as readers without
// scripts and podcast apps get them.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, demoEpisodes } from './fixtures.mjs';
import { BIG_URL } from './playwright.config.mjs';

const episodes = demoEpisodes();
const offline = episodes.find((e) => e.episode === 11); // 3:12, two voices
const audio = (page) => page.locator('#viewer-audio');
const time = (page) => audio(page).evaluate((a) => a.currentTime);
const section = (page) => page.locator('section.transcript');

async function openTranscript(page, ep) {
  await page.goto(`episodes/${ep.slug}/`);
  await page.locator('#app[data-running]').waitFor();
  await section(page).locator('summary').click();
  await expect(section(page).locator('.cue').first()).toBeVisible();
}

test('the transcript is fetched only once opened, and shows speakers and times', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(`episodes/${offline.slug}/`);
  await page.locator('#app[data-running]').waitFor();
  expect(asked.filter((p) => p.includes('/transcripts/'))).toEqual([]);
  // Nor is the module that draws it, on the listing or an episode page.
  const module = (p) => /\/transcript-[0-9a-f]+(_bg\.wasm|\.js)$/.test(p);
  expect(asked.filter(module)).toEqual([]);
  await section(page).locator('summary').click();
  await expect(section(page).locator('.t-para').first()).toContainText('Léa Fontaine');
  await expect(section(page).locator('.t-para').first()).toContainText('0:00');
  await expect(section(page).locator('.t-para').nth(1)).toContainText('Ada Moreau');
  expect(asked.filter((p) => p.includes('/transcripts/'))).toEqual([`/podcast/transcripts/${offline.slug}.json`]);
  expect(asked.filter(module)).toHaveLength(2);
  // The site's own JSON needs no subtitle parser: the reader stays away.
  expect(asked.filter((p) => p.includes('/transcript_reader-'))).toEqual([]);
  await expect(section(page).getByRole('link', { name: 'Download the transcript' })).toHaveAttribute('href', /content\/transcripts\/tas-11\.vtt$/);
});

test.describe('a transcript module that does not load', () => {
  // The browser reports the aborted download; the page says it too.
  test.use({ allowedErrors: [/Failed to load resource/] });

  test('says so, and "Try again" draws the transcript', async ({ page }) => {
    const wasm = /\/transcript-[0-9a-f]+_bg\.wasm$/;
    await page.route(wasm, (route) => route.abort());
    await page.goto(`episodes/${offline.slug}/`);
    await page.locator('#app[data-running]').waitFor();
    await section(page).locator('summary').click();
    const alert = section(page).getByRole('alert');
    await expect(alert).toContainText('The transcript could not be loaded');
    await page.unroute(wasm);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(section(page).locator('.cue').first()).toBeVisible();
    await expect(alert).toBeHidden();
  });
});

test('the transcript follows playback, and a click on a cue seeks there', async ({ page }) => {
  await openTranscript(page, offline);
  // A cue a little way in: the player starts there, and its cue is marked.
  const cue = section(page).locator('.cue', { hasText: 'Offline first. What does that mean' });
  await cue.click();
  await expect.poll(() => time(page)).toBeGreaterThan(5);
  await expect(cue).toHaveAttribute('aria-current', 'true');
  // Over real seconds of audio, the mark moves on to the next cue.
  const start = await cue.getAttribute('data-cue');
  await expect
    .poll(() => section(page).locator('.cue[aria-current]').getAttribute('data-cue'), { timeout: 15_000 })
    .toBe(String(Number(start) + 1));
  expect(await section(page).locator('.cue[aria-current]').count()).toBe(1);
  // The box scrolls to keep it in view; the page does not.
  const scrollY = await page.evaluate(() => window.scrollY);
  await expect.poll(() => section(page).locator('.cue[aria-current]').evaluate((el) => {
    const box = el.closest('.transcript-body').getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom;
  })).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
});

test('Enter on a cue seeks, and the arrow keys go from cue to cue', async ({ page }) => {
  await openTranscript(page, offline);
  const first = section(page).locator('.cue').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const focused = page.locator('.cue:focus');
  await expect(focused).toHaveAttribute('data-cue', '2');
  await page.keyboard.press('Enter');
  const want = offline.cueStarts()[2];
  await expect.poll(() => time(page)).toBeGreaterThan(want - 0.1);
  expect(await time(page)).toBeLessThan(want + 3);
});

test('scrolling the transcript by hand stops following, and "Follow along" resumes', async ({ page }) => {
  await openTranscript(page, offline);
  await section(page).locator('.cue').first().click();
  await expect.poll(() => time(page)).toBeGreaterThan(0.5);
  const body = section(page).locator('.transcript-body');
  await body.hover();
  await page.mouse.wheel(0, 600);
  const follow = section(page).getByRole('button', { name: 'Follow along' });
  await expect(follow).toBeVisible();
  await follow.click();
  await expect(follow).toBeHidden();
});

test('find marks the matches, counts them, and goes from one to the next', async ({ page }) => {
  await openTranscript(page, offline);
  const find = section(page).getByRole('searchbox', { name: 'Find in the transcript' });
  await find.fill('train');
  const count = section(page).locator('.find-count');
  await expect(count).toHaveText(/^1 \/ [3-9]$/);
  const total = Number((await count.textContent()).split('/')[1]);
  await expect(section(page).locator('.cue[data-match]')).toHaveCount(total);
  const firstAt = await section(page).locator('.cue[data-at]').getAttribute('data-cue');
  await section(page).getByRole('button', { name: 'Next match' }).click();
  await expect(count).toHaveText(`2 / ${total}`);
  expect(await section(page).locator('.cue[data-at]').getAttribute('data-cue')).not.toBe(firstAt);
  await section(page).getByRole('button', { name: 'Previous match' }).click();
  await expect(count).toHaveText(`1 / ${total}`);
  // Accents and case do not matter; a word in no cue finds nothing.
  await find.fill('LEA');
  await expect(count).toHaveText(/^1 \/ \d+$/);
  await find.fill('zeppelin');
  await expect(count).toHaveText('0 / 0');
  await expect(section(page).locator('.cue[data-match]')).toHaveCount(0);
});

test('selecting words in the transcript offers the link at their cue', async ({ page }) => {
  await openTranscript(page, offline);
  const cue = section(page).locator('.cue', { hasText: 'Service workers' }).first();
  await cue.selectText();
  await cue.dispatchEvent('click');
  const start = Math.floor(offline.cueStarts()[Number(await cue.getAttribute('data-cue'))]);
  const share = section(page).locator('.share-at');
  await expect(share).toHaveAttribute('data-t', String(start));
  await expect(share).toHaveAttribute('href', new RegExp(`episodes/${offline.slug}/\\?t=${start}$`));
});

test('the static page has the transcript text, collapsed, without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`episodes/${offline.slug}/`);
  const details = page.locator('section.transcript details');
  await expect(details).not.toHaveAttribute('open', /.*/);
  await expect(details.locator('.cue')).toHaveCount(offline.cueStarts().length);
  await expect(details).toContainText('Goodbye from Tabs and Spaces.');
  await context.close();
});

test('a 4,000-cue transcript is drawn in full, a chunk at a time, and finds its last words', async ({ page }) => {
  // The generated archive's newest episode runs three hours with a cue
  // every 2.7 s (see generate-archive.mjs).
  await page.goto(BIG_URL);
  await page.locator('.episode-card .card-title a', { hasText: /^GEN / }).first().click();
  await page.locator('section.transcript summary').click();
  await expect(page.locator('.cue').first()).toBeVisible();
  await expect(page.locator('.cue')).toHaveCount(4000, { timeout: 20_000 });
  const last = await page.locator('#cue-3999').textContent();
  // The generated archive is in French: the box by its place, not its label.
  await page.locator('.transcript-find').fill(last.trim());
  await expect(page.locator('#cue-3999')).toHaveAttribute('data-match', 'true');
});

test('closing and opening the transcript keeps it, its find and its place', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => r.url().includes('/transcripts/') && asked.push(r.url()));
  await openTranscript(page, offline);
  const find = section(page).getByRole('searchbox', { name: 'Find in the transcript' });
  await find.fill('train');
  const count = await section(page).locator('.find-count').textContent();
  await section(page).locator('summary').click();
  await section(page).locator('summary').click();
  await expect(find).toHaveValue('train');
  await expect(section(page).locator('.find-count')).toHaveText(count);
  expect(asked).toHaveLength(1);
});

test.describe('site search in transcripts', () => {
  const search = (page) => page.getByRole('searchbox', { name: 'Search episodes' });
  const hits = (page) => page.locator('.transcript-hits');
  const studio = episodes.find((e) => e.episode === 10); // 3:12, two voices
  // When a cue of episode 10's conversation says `word`, in seconds.
  const said = (word) => {
    const vtt = fs.readFileSync(path.resolve(import.meta.dirname, '../../content/transcripts/tas-10.vtt'), 'utf8');
    const cues = vtt.split(/\n\n+/).filter((c) => c.includes('-->'));
    const at = cues.findIndex((c) => c.toLowerCase().includes(word));
    return studio.cueStarts()[at];
  };

  test('finds a word said only in an episode, and opens the episode there, paused', async ({ page }) => {
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto('./');
    // An ordinary search does not download the transcripts' index.
    await search(page).fill('train');
    await expect(page.locator('.episode-card .snippet mark').first()).toBeVisible();
    await expect(hits(page)).toHaveCount(0);
    expect(asked.filter((p) => p.includes('/pagefind-transcripts/'))).toEqual([]);
    // Nothing in titles and notes says it: the transcripts are searched.
    await search(page).fill('painful');
    await expect(hits(page).getByRole('heading', { name: 'In transcripts' })).toBeVisible();
    await expect(page.locator('.episode-list')).toHaveCount(0);
    const link = hits(page).getByRole('link', { name: studio.title });
    await expect(hits(page).locator('mark')).toHaveText(/^painful\W*$/i);
    const t = Number(new URL(await link.getAttribute('href'), page.url()).searchParams.get('t'));
    expect(t).toBeLessThanOrEqual(said('painful'));
    expect(t).toBeGreaterThan(said('painful') - 30);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`episodes/${studio.slug}/`));
    await expect.poll(() => time(page)).toBe(t);
    expect(await audio(page).evaluate((a) => a.paused)).toBe(true);
  });

  test('"Search transcripts" adds them to what titles and notes find, and the address keeps it', async ({ page }) => {
    await page.goto('./?q=train');
    await expect(page.locator('.episode-card').first()).toBeVisible();
    await expect(hits(page)).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Search transcripts' }).check();
    await expect(hits(page).getByRole('link', { name: offline.title }).first()).toBeVisible();
    await expect(page.locator('.episode-card').first()).toBeVisible();
    await expect(page).toHaveURL(/[?&]in=transcripts/);
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Search transcripts' })).toBeChecked();
    await expect(hits(page).getByRole('link', { name: offline.title }).first()).toBeVisible();
  });
});
