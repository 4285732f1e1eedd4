// An archive kept as other generators keep theirs (make-field-archive.mjs),
// read as its authors meant it: in the listing, on the page, in the player
// and in the feed podcast apps read.
import { test, expect } from './fixtures.mjs';
import { FIELD_URL } from './playwright.config.mjs';

test.use({ baseURL: FIELD_URL });

const card = (page, title) => page.locator('.episode-list:not(.compact) .episode-card', { hasText: title });

test('a trailer without a number is an episode; a post with neither number nor audio is news', async ({ page }) => {
  await page.goto('./');
  const trailer = card(page, 'Coming soon');
  await expect(trailer.locator('.badge-type')).toHaveText('Trailer');
  await expect(trailer.locator('.badge-news')).toHaveCount(0);
  await expect(card(page, 'New microphones').locator('.badge-news')).toHaveText('News');
  // Zola's `[extra]` and a WordPress export's `meta:` gave the numbers.
  await expect(card(page, 'Dawn chorus').locator('.badge').first()).toHaveText('#1');
  await expect(card(page, 'The heron').locator('.badge').first()).toHaveText('#2');
  // Notes written in HTML have an excerpt too.
  await expect(card(page, 'The heron').locator('.excerpt')).toHaveText('A grey heron waits at the weir & we wait with it. Then it strikes.');

  await trailer.getByRole('link', { name: 'Coming soon' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coming soon');
  await page.locator('.episode-actions .play-button').first().click();
  await expect.poll(() => page.locator('#viewer-audio').evaluate((a) => a.src)).toContain('audio/trailer.mp3');
  await expect.poll(() => page.locator('#viewer-audio').evaluate((a) => a.currentTime)).toBeGreaterThan(0.2);
});

test('the feed has every episode with audio, as directories want it', async ({ page }) => {
  const xml = await (await page.request.get('feed.xml')).text();
  const doc = await page.evaluate((text) => {
    const d = new DOMParser().parseFromString(text, 'application/xml');
    const ns = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
    const items = [...d.querySelectorAll('item')].map((i) => ({
      title: i.querySelector('title').textContent,
      enclosure: [i.querySelector('enclosure')?.getAttribute('url'), i.querySelector('enclosure')?.getAttribute('length')],
      episode: i.getElementsByTagNameNS(ns, 'episode')[0]?.textContent ?? null,
      type: i.getElementsByTagNameNS(ns, 'episodeType')[0]?.textContent,
      notes: i.querySelector('description').textContent,
    }));
    const category = d.getElementsByTagNameNS(ns, 'category')[0];
    return {
      error: d.querySelector('parsererror')?.textContent ?? null,
      language: d.querySelector('channel > language').textContent,
      category: [category.getAttribute('text'), category.firstElementChild?.getAttribute('text')],
      items,
    };
  }, xml);
  expect(doc.error).toBeNull();
  expect(doc.language).toBe('en-GB');
  expect(doc.category).toEqual(['Science', 'Nature']);
  expect(doc.items.map((i) => i.title)).toEqual(['The heron', 'Dawn chorus', 'Coming soon']);
  const [heron, dawn, trailer] = doc.items;
  expect(heron.enclosure).toEqual(['https://media.field.example/heron.mp3', '38111222']);
  expect(dawn.enclosure).toEqual(['https://media.field.example/dawn-chorus.mp3', '7340032']);
  expect([dawn.episode, trailer.episode, trailer.type]).toEqual(['1', null, 'trailer']);
  // The published file's own length.
  const size = (await (await page.request.get('content/audio/trailer.mp3')).body()).length;
  expect(trailer.enclosure).toEqual(['https://field.example/show/content/audio/trailer.mp3', String(size)]);
  // Links in the notes lead somewhere from a podcast app.
  expect(trailer.notes).toContain('href="https://field.example/show/episodes/dawn-chorus"');
  expect(trailer.notes).toContain('href="https://field.example/show/episodes/coming-soon/#birds"');
});
