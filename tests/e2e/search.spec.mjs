// Search and filters as a listener uses them: typing, highlights, the
// address as state, and a lazy index.
import { test, expect, demoEpisodes } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';

const episodes = demoEpisodes();
const titleOf = (n) => episodes.find((e) => e.episode === n).title;
const search = (page) => page.getByRole('searchbox', { name: 'Search episodes' });
const titles = (page) => page.locator('.episode-list:not(.compact) .card-title');

test('typing a query shows the matching episodes, with highlights and snippets', async ({ page }) => {
  await page.goto('./');
  await search(page).fill('access');
  await expect(titles(page)).toHaveText([titleOf(8), titleOf(6)]);
  await expect(page).toHaveURL(/\?q=access$/);
  // The title hit ranks above the notes-only hit; the words are marked.
  await expect(titles(page).first().locator('mark')).toHaveText('Accessibility');
  const snippet = page.locator('.episode-card', { hasText: titleOf(6) }).locator('.snippet');
  await expect(snippet.locator('mark')).toHaveText('accessibility');
  await expect(snippet).toContainText('talk about accessibility audits');
  await expect(page.getByRole('status').filter({ hasText: 'episodes' })).toHaveText('2 episodes');
});

test('matching ignores case and accents and finds word prefixes', async ({ page }) => {
  await page.goto('./');
  // Accents on either side: the demo's notes write "crème brûlée" once,
  // and never without its accents, so only folding can find it.
  const demo = demoEpisodes().map((e) => fs.readFileSync(path.resolve(import.meta.dirname, '../../content', e.file), 'utf8')).join('\n');
  expect(demo).toContain('crème brûlée');
  expect(demo).not.toMatch(/creme|brulee/i);
  for (const q of ['BRULEE', 'creme brul', 'brûlée', 'CRÈME']) {
    await search(page).fill(q);
    await expect(titles(page), q).toHaveText([titleOf(6)]);
  }
  for (const [q, want] of [
    ['webass', [titleOf(7)]],
    // Twice in the first episode's notes, once in the seventh's.
    ['KITCHEN', [titleOf(1), titleOf(7)]],
    ['noor hadd', [titleOf(5)]],
  ]) {
    await search(page).fill(q);
    await expect(titles(page)).toHaveText(want);
  }
  await search(page).fill('webass');
  await expect(titles(page).locator('mark')).toHaveText('WebAssembly');
});

test('filters narrow the results, alone and with a query', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('combobox', { name: 'Year' }).selectOption('2022');
  await expect(titles(page)).toHaveText(episodes.filter((e) => e.date.startsWith('2022')).map((e) => e.title));
  await expect(page).toHaveURL(/\?year=2022$/);
  await page.getByRole('combobox', { name: 'Person' }).selectOption('Noor Haddad');
  await expect(titles(page)).toHaveText([titleOf(5)]);
  await search(page).fill('kubernetes');
  await expect(page.getByText('No episode matches this search.')).toBeVisible();
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

test('a person on an episode page links to their episodes', async ({ page }) => {
  await page.goto(`episodes/${episodes.find((e) => e.episode === 5).slug}`);
  await page.getByRole('link', { name: 'Episodes with Noor Haddad' }).click();
  await expect(page).toHaveURL(/\?who=Noor\+Haddad$/);
  await expect(titles(page)).toHaveText([titleOf(5)]);
  await expect(page.getByRole('combobox', { name: 'Person' })).toHaveValue('Noor Haddad');
});

test('the search index is fetched only when the listener searches', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('./');
  await expect(page.locator('.episode-card')).toHaveCount(episodes.length);
  await page.waitForTimeout(1500);
  expect(requests.filter((p) => p.endsWith('search.json'))).toEqual([]);
  await search(page).focus();
  await expect.poll(() => requests.filter((p) => p.endsWith('search.json')).length).toBe(1);
  await search(page).fill('rust');
  await search(page).fill('rusty');
  await search(page).fill('rust');
  expect(requests.filter((p) => p.endsWith('search.json'))).toHaveLength(1);
});

test.describe('search failures', () => {
  test.use({ allowedErrors: [/Failed to load resource/] });

  test('a failed search index shows an error with a retry', async ({ page }) => {
    let fail = true;
    await page.route('**/search.json', (route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.continue()));
    await page.goto('./?q=access');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The search could not be loaded');
    fail = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(titles(page)).toHaveCount(2);
  });
});
