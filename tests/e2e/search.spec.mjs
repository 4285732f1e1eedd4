// Search and filters as a listener uses them: titles typed in full, the
// forms people type (accents, prefixes, elisions, numbers, typos), the
// address as state, and an engine loaded only when the listener searches.
import { test, expect, demoEpisodes } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';

const episodes = demoEpisodes();
const titleOf = (n) => episodes.find((e) => e.episode === n).title;
const search = (page) => page.getByRole('searchbox', { name: 'Search episodes' });
const titles = (page) => page.locator('.episode-list:not(.compact) .card-title');
const demoText = () => episodes.map((e) => fs.readFileSync(path.resolve(import.meta.dirname, '../../content', e.file), 'utf8')).join('\n');
// The search engine's files, and its thread: none may load before the
// listener searches.
const engineRequests = (requests) => requests.filter((p) => p.includes('/pagefind/') || p.endsWith('/search-worker.js'));
// The search module (src/bin/search.rs), which drives the engine.
const moduleRequests = (requests) => requests.filter((p) => /\/search-[0-9a-f]+(_bg\.wasm|\.js)$/.test(p));

/** Types `q` and waits for the results of that very query to be drawn. */
async function typeQuery(page, q) {
  await search(page).fill(q);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
  // The engine answers after a short pause in typing; until then the
  // previous results stay, marked busy.
  await expect(page.locator('.episode-list:not(.compact), .empty').first()).toHaveAttribute('aria-busy', 'false');
}

test('typing a query shows the matching episodes, with highlights and excerpts', async ({ page }) => {
  await page.goto('./');
  await typeQuery(page, 'access');
  await expect(titles(page)).toHaveText([titleOf(8), titleOf(6)]);
  await expect(page).toHaveURL(/\?q=access$/);
  // The title hit ranks above the notes-only hit; the words are marked.
  await expect(titles(page).first().locator('mark')).toHaveText('Accessibility');
  const excerpt = page.locator('.episode-card', { hasText: titleOf(6) }).locator('.snippet');
  await expect(excerpt.locator('mark')).toHaveText(['accessibility']);
  await expect(excerpt).toContainText('talk about accessibility audits');
  await expect(page.getByRole('status').filter({ hasText: 'episodes' })).toHaveText('2 episodes');
});

test('every episode title typed in full finds that episode first', async ({ page }) => {
  await page.goto('./');
  for (const e of episodes) {
    await typeQuery(page, e.title);
    await expect(titles(page).first(), e.title).toHaveText(e.title);
  }
});

test('accents, case, prefixes, elisions, numbers and people find their episodes', async ({ page }) => {
  // Accents on either side: the demo's notes write "crème brûlée" once,
  // and never without its accents, so only folding can find it.
  const demo = demoText();
  expect(demo).toContain('crème brûlée');
  expect(demo).not.toMatch(/creme|brulee/i);
  // "l'École" once, and no other word starting with "ecole".
  expect(demo).toContain("l'École du Web");
  expect(demo).not.toMatch(/\b[ée]cole/i);
  await page.goto('./');
  const cases = [
    ['BRULEE', [titleOf(6)]],
    ['creme brul', [titleOf(6)]],
    ['brûlée', [titleOf(6)]],
    ['CRÈME', [titleOf(6)]],
    ['webass', [titleOf(7)]],
    ["l'ecole", [titleOf(10)]],
    ['l’École du web', [titleOf(10)]],
    ['noor hadd', [titleOf(5)]],
  ];
  for (const [q, want] of cases) {
    await typeQuery(page, q);
    await expect(titles(page), q).toHaveText(want);
  }
  await typeQuery(page, 'webass');
  await expect(titles(page).locator('mark')).toHaveText('WebAssembly');
  // A number finds the episode of that number first, however written.
  for (const q of ['episode 8', '#8', 'episode 008']) {
    await typeQuery(page, q);
    await expect(titles(page).first(), q).toHaveText(titleOf(8));
  }
  // People, with and without their accents.
  const withLea = episodes.filter((e) => /^team:.*Léa Fontaine/m.test(fs.readFileSync(path.resolve(import.meta.dirname, '../../content', e.file), 'utf8')));
  expect(withLea.length).toBeGreaterThan(3);
  for (const q of ['Léa Fontaine', 'lea fontaine']) {
    await typeQuery(page, q);
    expect((await titles(page).allTextContents()).sort(), q).toEqual(withLea.map((e) => e.title).sort());
  }
});

test('one typo in a title still finds it near the top', async ({ page }) => {
  // The typo a hurried thumb makes: two letters of the longest word swapped.
  const typo = (title) => {
    const longest = title.split(/\s+/).reduce((a, b) => (b.replace(/\W/g, '').length > a.replace(/\W/g, '').length ? b : a));
    let i = Math.floor(longest.length / 2) - 1;
    while (longest[i] === longest[i + 1]) i++;
    const swapped = longest.slice(0, i) + longest[i + 1] + longest[i] + longest.slice(i + 2);
    return title.replace(longest, swapped);
  };
  await page.goto('./');
  let found = 0;
  for (const e of episodes) {
    const q = typo(e.title);
    expect(q).not.toBe(e.title);
    await typeQuery(page, q);
    const top = await titles(page).evaluateAll((els) => els.slice(0, 3).map((el) => el.textContent));
    if (top.includes(e.title)) found++;
  }
  expect(found, `${found} of ${episodes.length} titles with a typo found in the top 3`).toBeGreaterThanOrEqual(Math.ceil(episodes.length / 2));
});

test('a mended search shows only the mended words\' episodes, and searches as typed on request', async ({ page }) => {
  await page.goto('./');
  await typeQuery(page, 'accessibility');
  const right = await titles(page).allTextContents();
  expect(right).toEqual([titleOf(8), titleOf(6)]);
  // A lone mistyped word, which the engine alone does not find: it
  // guesses a one-letter word that begins it, found in every episode.
  // Those guesses are not shown beside the mended word's episodes.
  await typeQuery(page, 'acessibility');
  await expect(titles(page)).toHaveText(right);
  // Said with the count, in the live region screen readers announce.
  const status = page.getByRole('status').filter({ hasText: 'episodes' });
  await expect(status).toContainText('2 episodes');
  await expect(titles(page).first().locator('mark')).toHaveText('Accessibility');
  const mended = status.locator('.mended');
  await expect(mended).toHaveText('Showing results for Accessibility. Search instead for "acessibility"');
  // As typed, in quotes, nothing is mended, and nothing matches.
  await mended.getByRole('link').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('"acessibility"');
  await expect(search(page)).toHaveValue('"acessibility"');
  await expect(page.locator('.empty')).toContainText('No episode matches this search.');
  await expect(mended).toHaveCount(0);
  await page.goBack();
  await expect(titles(page)).toHaveText(right);
  await expect(mended).toContainText('Showing results for Accessibility.');
  // The link keeps the filters.
  await page.getByRole('combobox', { name: 'Year' }).selectOption('2023');
  await expect(titles(page)).toHaveText([titleOf(8)]);
  await expect(mended).toHaveCount(1);
  const link = new URL(await mended.getByRole('link').getAttribute('href'), page.url());
  expect(Object.fromEntries(link.searchParams)).toEqual({ q: '"acessibility"', year: '2023' });
  // A new query's own line replaces it as soon as it is typed.
  await search(page).fill('acessibility feature');
  await expect(mended).toHaveCount(0);
  await expect(mended).toHaveText('Showing results for Accessibility feature. Search instead for "acessibility" feature');
  // As typed, the archive has no such word: nothing, not the engine's
  // guesses at it.
  await mended.getByRole('link').click();
  await expect(page.locator('.empty')).toContainText('No episode matches this search.');
});

test('a word the engine only guesses at is mended, or finds nothing', async ({ page }) => {
  await page.goto('./');
  // Pagefind matches "sam" (a person) for "samll", "told" for "tols" (by
  // its stem, "tol") and "he" for "helo".
  for (const [typed, shown, first] of [
    ['joy of samll tools', 'joy of small tools', titleOf(4)],
    ['tols', 'tools', titleOf(4)],
    ['helo', 'Hello', titleOf(1)],
  ]) {
    await typeQuery(page, typed);
    await expect(titles(page).first(), typed).toHaveText(first);
    await expect(page.locator('.mended'), typed).toContainText(`Showing results for ${shown}.`);
  }
  // Two letters off: nothing to mend it to, and nothing shown for it.
  await typeQuery(page, 'acesibility');
  await expect(page.locator('.empty')).toContainText('No episode matches this search.');
  await expect(page.locator('.mended')).toHaveCount(0);
});

test('a word of the notes is no typo, though a title has a word one letter away', async ({ page }) => {
  // The archive's words for mending are its titles and people: "best" and
  // "five" are only in notes, "rest" and "live" in titles. The engine
  // matches them itself, so they are searched as typed.
  const notes = (e) => fs.readFileSync(path.resolve(import.meta.dirname, '../../content', e.file), 'utf8').split('---').slice(2).join('---');
  const titled = (word) => episodes.filter((e) => new RegExp(`\\b${word}\\b`, 'i').test(e.title));
  await page.goto('./');
  for (const [typed, near] of [['best', 'rest'], ['five', 'live']]) {
    const want = episodes.filter((e) => new RegExp(`\\b${typed}\\b`, 'i').test(notes(e)));
    expect(want.length, typed).toBeGreaterThan(0);
    expect(titled(typed), typed).toEqual([]);
    expect(titled(near).length, near).toBeGreaterThan(0);
    await typeQuery(page, typed);
    expect((await titles(page).allTextContents()).sort(), typed).toEqual(want.map((e) => e.title).sort());
    await expect(page.locator('.mended')).toHaveCount(0);
  }
});

test('excerpts keep words apart where the page draws them apart', async ({ page }) => {
  // A badge beside a badge, a chapter's time beside its title: a flex row
  // draws the gap, and the search index needs a space there too.
  await page.goto('./');
  await typeQuery(page, 'bonus');
  const snippet = (n) => page.locator('.episode-card', { hasText: titleOf(n) }).locator('.snippet');
  await expect(snippet(12)).toContainText('Episode 12 Bonus');
  await typeQuery(page, 'hosting');
  await expect(snippet(10)).toContainText('1:21 Hosting');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } });

  test('every result shows its first matched word within its two lines', async ({ page }) => {
    // A person's name is matched late in the page's text: after the
    // number, the title and the people before them.
    await page.goto('./');
    await typeQuery(page, 'Fontaine');
    const snippets = page.locator('.episode-list:not(.compact) .snippet');
    const n = await snippets.count();
    expect(n).toBeGreaterThan(5);
    for (let i = 0; i < n; i++) {
      const snippet = snippets.nth(i);
      await snippet.scrollIntoViewIfNeeded();
      const box = await snippet.boundingBox();
      const mark = await snippet.locator('mark').first().boundingBox();
      expect(mark.y + mark.height, await snippet.textContent()).toBeLessThanOrEqual(box.y + box.height + 1);
    }
  });
});

test('a query in quotes is matched exactly; other quotes only keep words from being mended', async ({ page }) => {
  expect(titleOf(4)).toMatch(/joy of small tools/i);
  await page.goto('./');
  await typeQuery(page, 'small joy');
  await expect(titles(page)).toHaveText([titleOf(4)]);
  // Whole words, side by side, in order.
  await typeQuery(page, '"small joy"');
  await expect(page.locator('.empty')).toContainText('No episode matches this search.');
  await typeQuery(page, '“joy of small”');
  await expect(titles(page)).toHaveText([titleOf(4)]);
  await typeQuery(page, '"joy of sma"');
  await expect(page.locator('.empty')).toContainText('No episode matches this search.');
  // A phrase still being typed, and quotes beside other words, are plain
  // words: the engine would take them all as one phrase.
  await typeQuery(page, '"joy of sma');
  await expect(titles(page)).toHaveText([titleOf(4)]);
  for (const q of ['„small“ «joy»', '"small joy" tools']) {
    await typeQuery(page, q);
    await expect(titles(page), q).toHaveText([titleOf(4)]);
  }
});

test('a typo in the very first search is mended, typed at once or followed from a link', async ({ page }) => {
  // The archive's words are taught on the box's first focus (the demo's
  // index is whole by then) and learned while the engine loads: the words
  // as typed go to the engine at once, and only the mending waits for the
  // lesson.
  await page.goto('./');
  await typeQuery(page, 'acessibility');
  await expect(titles(page).first()).toHaveText(titleOf(8));
  // A shared link searches without a focus: the search itself teaches.
  await page.goto('./?q=acessibility');
  await expect(titles(page).first()).toHaveText(titleOf(8));
  await expect(titles(page).first().locator('mark')).toHaveText('Accessibility');
});

test('filters narrow the results, alone and with a query', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('combobox', { name: 'Year' }).selectOption('2022');
  await expect(titles(page)).toHaveText(episodes.filter((e) => e.date.startsWith('2022')).map((e) => e.title));
  await expect(page).toHaveURL(/\?year=2022$/);
  await page.getByRole('combobox', { name: 'Person' }).selectOption('Noor Haddad');
  await expect(titles(page)).toHaveText([titleOf(5)]);
  await typeQuery(page, 'archive');
  await expect(titles(page)).toHaveText([titleOf(5)]);
  await typeQuery(page, 'kubernetes');
  await expect(page.getByText('No episode matches this search.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Person' }).selectOption('');
  await typeQuery(page, 'tools');
  await expect(titles(page).first()).toHaveText(titleOf(4));
  const of2022 = episodes.filter((e) => e.date.startsWith('2022')).map((e) => e.title);
  for (const title of await titles(page).allTextContents()) expect(of2022).toContain(title);
  await typeQuery(page, 'kubernetes');
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(titles(page)).toHaveCount(episodes.length);
  await expect(search(page)).toHaveValue('');
});

test('the address carries the state: reload, back and forward', async ({ page }) => {
  await page.goto('./?q=access&year=2023');
  await expect(search(page)).toHaveValue('access');
  await expect(page.getByRole('combobox', { name: 'Year' })).toHaveValue('2023');
  await expect(titles(page)).toHaveText([titleOf(8)]);
  await page.reload();
  await expect(titles(page)).toHaveText([titleOf(8)]);

  await titles(page).first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf(8));
  await page.goBack();
  await expect(search(page)).toHaveValue('access');
  await expect(titles(page)).toHaveText([titleOf(8)]);
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf(8));
});

test('a query of no words (punctuation, a lone elided article) is no search', async ({ page }) => {
  for (const q of ['?', "l'", ' - ']) {
    await page.goto(`./?q=${encodeURIComponent(q)}&year=2022`);
    await expect(titles(page), q).toHaveText(episodes.filter((e) => e.date.startsWith('2022')).map((e) => e.title));
    await expect(page.locator('#app .loading')).toHaveCount(0);
  }
});

test('a person on an episode page links to their episodes', async ({ page }) => {
  await page.goto(`episodes/${episodes.find((e) => e.episode === 5).slug}`);
  await page.getByRole('link', { name: 'Episodes with Noor Haddad' }).click();
  await expect(page).toHaveURL(/\?who=Noor\+Haddad$/);
  await expect(titles(page)).toHaveText([titleOf(5)]);
  await expect(page.getByRole('combobox', { name: 'Person' })).toHaveValue('Noor Haddad');
});

test('the search engine loads only when the listener searches, and asks once per pause', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('./');
  await expect(page.locator('.episode-card')).toHaveCount(episodes.length);
  await page.waitForTimeout(1500);
  expect(engineRequests(requests)).toEqual([]);
  expect(moduleRequests(requests)).toEqual([]);
  await search(page).focus();
  await expect.poll(() => engineRequests(requests).filter((p) => p.endsWith('/pagefind.js')).length).toBe(1);
  expect(engineRequests(requests).filter((p) => p.endsWith('/search-worker.js'))).toHaveLength(1);
  await expect.poll(() => moduleRequests(requests).length).toBe(2);
  // Typing fast: the words in between are never searched.
  await search(page).pressSequentially('zqxw', { delay: 20 });
  await expect(page.getByText('No episode matches this search.')).toBeVisible();
  const chunks = engineRequests(requests).filter((p) => p.endsWith('.pf_index'));
  expect(chunks.length).toBeLessThanOrEqual(2);
  expect(engineRequests(requests).filter((p) => p.endsWith('/pagefind.js'))).toHaveLength(1);
  expect(moduleRequests(requests)).toHaveLength(2);
});

test.describe('search failures', () => {
  // One pattern: Playwright reads a second array item as fixture options.
  test.use({ allowedErrors: [/Failed to load resource|Failed to fetch dynamically imported module|Pagefind/i] });

  test('a search engine that fails to load shows an error with a retry', async ({ page }) => {
    let fail = true;
    await page.route('**/pagefind/**', (route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.continue()));
    await page.goto('./?q=access');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The search could not be loaded');
    fail = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(titles(page)).toHaveCount(2);
  });

  test('a search module that fails to load shows an error, and its retry searches', async ({ page }) => {
    let fail = true;
    await page.route(/\/search-[0-9a-f]+_bg\.wasm$/, (route) => (fail ? route.abort() : route.continue()));
    await page.goto('./');
    await search(page).fill('access');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The search could not be loaded');
    await expect(titles(page)).toHaveCount(0);
    fail = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(titles(page)).toHaveCount(2);
    await expect(page.locator('.episode-card mark').first()).toHaveText(/access/i);
  });
});
