// Notes from Markdown in the browser (core::source, src/bin/markdown.rs):
// the same pipeline as the build, in its worker; the authors' preview page;
// the fallback for notes the build did not publish.
import { test, expect as expectSoon, renderedBoth } from './fixtures.mjs';

// The Markdown module is large (BENCHMARKS.md): its first compile, in a
// worker on a machine busy with other tests, may take seconds.
const expect = expectSoon.configure({ timeout: 30_000 });
import { HOSTILE_URL } from './playwright.config.mjs';

// Files of the Markdown path, which no listener's normal path may load.
const MARKDOWN_FILES = /\/(markdown-|preview-|markdown-client\.js|markdown-worker\.js|sources\.json|content\/.*\.(md|markdown)$)/;

test('the browser renders every episode\'s notes byte for byte as the build did', async ({ page }) => {
  await page.goto('./');
  const both = await renderedBoth(page);
  expect(both.length).toBeGreaterThan(10);
  for (const { slug, built, browser } of both) expect(browser, slug).toBe(built);
});

test('each episode links to the Markdown file the site publishes', async ({ page }) => {
  await page.goto('episodes/tas-003-testing-in-production/');
  const link = page.locator('.show-notes .notes-source a');
  await expect(link).toHaveText('View source');
  const href = await link.evaluate((a) => a.href);
  expect(href).toMatch(/\/content\/2021-11-09-tas-003-testing-in-production\.md$/);
  const file = await page.request.get(href);
  expect(file.ok()).toBe(true);
  expect(await file.text()).toMatch(/^---\n[\s\S]*Testing in production[\s\S]*\n---\n/);
});

test.describe('hostile notes', () => {
  test.use({ baseURL: HOSTILE_URL });

  test('are sanitized the same in the browser', async ({ page }) => {
    await page.goto('./');
    const both = await renderedBoth(page);
    expect(both.map((b) => b.slug).sort()).toEqual(['hostile-1', 'hostile-2']);
    for (const { slug, built, browser } of both) expect(browser, slug).toBe(built);
  });

  for (const n of [1, 2]) {
    test(`run nothing in the preview (payload file ${n})`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
      await page.goto(`preview/?src=content/2024-01-0${n}-hostile-${n}.md`);
      const shown = page.locator('.preview-page .show-notes');
      await expect(shown).toBeVisible();
      for (const el of await page.locator('.preview-result :is(a, p, img, div, button)').all()) {
        await el.hover({ timeout: 300, force: true }).catch(() => {});
      }
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      for (const selector of ['script', 'object', 'embed', 'form', 'base', '[onerror]', '[onload]', '[onclick]', '[srcdoc]', 'a[href^="javascript" i]', 'a[href^="data" i]']) {
        await expect(page.locator('.preview-result').locator(selector), selector).toHaveCount(0);
      }
    });
  }
});

test.describe('notes the build did not publish', () => {
  test.use({ allowedErrors: [/status of 404/] });

  test('are rendered from the episode\'s Markdown, and say so', async ({ page }) => {
    const built = await (await page.request.get('notes/tas-003-testing-in-production.html')).text();
    await page.route('**/notes/tas-003-testing-in-production.html', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('./');
    await page.locator('.episode-card a[href$="episodes/tas-003-testing-in-production/"]').first().click();
    const notes = page.locator('.show-notes');
    await expect(notes.locator('.notes-origin')).toHaveText(/rendered on this device/);
    // The same notes as the build's, after that paragraph.
    const shown = await notes.evaluate((n) => [...n.children].slice(1).map((c) => c.outerHTML).join(''));
    const expected = await page.evaluate((html) => {
      const t = document.createElement('div');
      t.innerHTML = html.replace(/^<!-- notes -->\n/, '');
      return [...t.children].map((c) => c.outerHTML).join('');
    }, built);
    expect(shown).toBe(expected);
  });

  test('on a site that keeps its files private, are not found, without the module', async ({ page }) => {
    // As `publish_sources: false` builds it: the index names no sources.
    await page.route('**/index.json', async (route) => {
      const index = await (await route.fetch()).json();
      delete index.site.sources;
      await route.fulfill({ json: index });
    });
    await page.route('**/notes/tas-003-testing-in-production.html', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto('./');
    await page.locator('.episode-card a[href$="episodes/tas-003-testing-in-production/"]').first().click();
    await expect(page.getByRole('alert')).toContainText('404');
    expect(asked.filter((p) => /\/markdown-[0-9a-f]+(_bg\.wasm|\.js)$|sources\.json/.test(p))).toEqual([]);
  });

  test('show an error with a retry when the Markdown is missing too', async ({ page }) => {
    await page.route('**/notes/tas-003-testing-in-production.html', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.route(/content\/.*tas-003.*\.md$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('./');
    await page.locator('.episode-card a[href$="episodes/tas-003-testing-in-production/"]').first().click();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await page.unroute(/content\/.*tas-003.*\.md$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.show-notes .notes-origin')).toBeVisible();
  });
});

test('no listener\'s path loads the Markdown module', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => {
    if (MARKDOWN_FILES.test(new URL(r.url()).pathname)) asked.push(r.url());
  });
  await page.goto('./');
  await page.locator('.episode-card a[href$="episodes/tas-011-offline-first/"]').first().click();
  await expect(page.locator('.show-notes')).toBeVisible();
  await page.goto('episodes/tas-003-testing-in-production/');
  await expect(page.locator('.show-notes')).toBeVisible();
  await page.goto('./');
  await page.getByRole('searchbox').fill('rust');
  await expect(page.locator('.episode-card').first()).toBeVisible();
  await page.waitForTimeout(500);
  expect(asked).toEqual([]);
});

test.describe('the preview page', () => {
  const typed = [
    '---',
    'title: "TAS 99 - Previewed"',
    'episode: 99',
    'date: 2026-11-30',
    'team: Ada Moreau, Sam Okafor',
    'duration: "12:34"',
    'audio: https://media.example/tas-99.mp3',
    'chapters:',
    '  - { start: "0:00", title: Hello }',
    '  - { start: "5:00", title: Middle }',
    '---',
    '## What we said',
    '',
    'A list, at 2:03:',
    '',
    '- one',
    '- two',
    '',
  ].join('\n');

  test('shows what an author types as the site will publish it', async ({ page }) => {
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto('preview/');
    await page.getByLabel('File name').fill('2026-11-30-tas-099-previewed.md');
    await page.getByLabel('File name').press('Tab');
    await page.getByLabel('Front matter and show notes').fill(typed);
    const card = page.locator('.preview-card .episode-card');
    await expect(card.locator('.card-title')).toHaveText('TAS 99 - Previewed');
    await expect(card).toContainText('#99');
    const shown = page.locator('.preview-page');
    await expect(shown.getByRole('heading', { level: 1 })).toHaveText('TAS 99 - Previewed');
    await expect(shown.locator('.show-notes h2')).toHaveText(/^What we said/);
    await expect(shown.locator('.show-notes li')).toHaveCount(2);
    await expect(shown.locator('.show-notes a.timestamp')).toHaveAttribute('href', /t=123/);
    await expect(shown).toContainText('Sam Okafor');
    await expect(shown).toContainText('Middle');
    await expect(page.locator('.preview-audio')).toHaveAttribute('src', 'https://media.example/tas-99.mp3');
    await expect(page.locator('.preview-clean')).toBeVisible();
    await expect(page.locator('.preview-path')).toHaveText(/Read as 2026-11-30-tas-099-previewed\.md/);
    // Read in the module's worker, never the app's.
    expect(asked.some((p) => /\/markdown-[0-9a-f]+_bg\.wasm$/.test(p))).toBe(true);
  });

  test('a file name being typed survives the tool drawing again', async ({ page }) => {
    await page.goto('preview/');
    const name = page.getByLabel('File name');
    const editor = page.getByLabel('Front matter and show notes');
    await name.fill('2026-11-30-both-kept.md');
    // The tool draws again while the field still has focus, as it does when
    // the site's index arrives or a file is dragged over: what is typed
    // stays, and is what the draft is read as.
    await page.locator('.preview-drop').dispatchEvent('dragenter');
    await expect(page.locator('.preview-drop')).toHaveClass(/over/);
    await page.locator('.preview-drop').dispatchEvent('dragleave');
    await expect(page.locator('.preview-drop')).not.toHaveClass(/over/);
    await expect(name).toBeFocused();
    await expect(name).toHaveValue('2026-11-30-both-kept.md');
    await editor.fill('---\ntitle: Both kept\n---\nNotes.\n');
    await expect(page.locator('.preview-path')).toHaveText(/Read as 2026-11-30-both-kept\.md/);
    await expect(page.locator('.preview-card .card-title')).toHaveText('Both kept');
    await page.reload();
    await expect(name).toHaveValue('2026-11-30-both-kept.md');
    await expect(editor).toHaveValue(/title: Both kept/);
  });

  test('a file name is read trimmed, and a blank one downloads as episode.md', async ({ page }) => {
    await page.goto('preview/');
    const name = page.getByLabel('File name');
    await page.getByLabel('Front matter and show notes').fill('---\ntitle: Spaced\ndate: 2026-11-29\n---\nNotes.\n');
    await name.fill('  2026-11-29-spaced.md  ');
    await expect(page.locator('.preview-path')).toHaveText(/Read as 2026-11-29-spaced\.md$/);
    await name.fill('');
    await expect(page.locator('.preview-path')).toHaveText(/Read as episode\.md$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
    expect(download.suggestedFilename()).toBe('episode.md');
  });

  test('reads a time in the site\'s zone as the build does, with no database of its own', async ({ page }) => {
    await page.goto('preview/');
    const editor = page.getByLabel('Front matter and show notes');
    // The demo site's zone is Europe/Paris; the module has only the data
    // sources.json gives it.
    await editor.fill('---\ntitle: Zoned\ndate: 2026-01-04 21:30:00\nepisode: 4\n---\nNotes.\n');
    await expect(page.locator('.preview-page h1')).toHaveText('Zoned');
    await expect(page.locator('.preview-clean')).toBeVisible();
    // A zone the archive never used is not there to read it with.
    await editor.fill('---\ntitle: Elsewhere\ndate: 2026-01-04T21:30:00[Asia/Tokyo]\nepisode: 4\n---\nNotes.\n');
    await expect(page.locator('.preview-problems li.error')).toContainText('is not a date');
  });

  test('keeps the draft across a reload', async ({ page }) => {
    await page.goto('preview/');
    await page.getByLabel('Front matter and show notes').fill(typed);
    await expect(page.locator('.preview-page h1')).toHaveText('TAS 99 - Previewed');
    await page.reload();
    await expect(page.getByLabel('Front matter and show notes')).toHaveValue(typed);
    await expect(page.locator('.preview-page h1')).toHaveText('TAS 99 - Previewed');
  });

  test('lists a broken file\'s problems with their lines', async ({ page }) => {
    await page.goto('preview/');
    const editor = page.getByLabel('Front matter and show notes');
    await editor.fill('---\ntitle: X\nepisode: three\n---\nNotes\n');
    const problems = page.locator('.preview-problems li');
    await expect(problems.first()).toContainText('Line 3');
    await expect(problems.first()).toContainText('episode');
    await expect(problems.first()).toHaveClass('error');
    // A problem's line is one click from the editor.
    await problems.first().getByRole('button').click();
    expect(await editor.evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd))).toBe('episode: three');
    // A warning: the page is still drawn.
    await editor.fill('---\ntitle: X\ndate: 2026-01-04\nepisode: 4\n---\n\n{% nosuchtag %}\n');
    await expect(page.locator('.preview-problems li.warning')).toHaveText(/Line 7 warning: unsupported Liquid tag/);
    await expect(page.locator('.preview-page h1')).toHaveText('X');
    await editor.fill('no front matter at all');
    await expect(page.locator('.preview-problems li.error').first()).toBeVisible();
  });

  test('opens dropped and picked files', async ({ page }) => {
    await page.goto('preview/');
    const files = [
      { name: '2026-01-01-first.md', text: '---\ntitle: First dropped\nepisode: 1\n---\nOne.\n' },
      { name: '2026-01-02-second.md', text: '---\ntitle: Second dropped\nepisode: oops\n---\nTwo.\n' },
    ];
    const transfer = await page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/markdown' }));
      return dt;
    }, files);
    await page.locator('.preview-drop').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.locator('.preview-page h1')).toHaveText('First dropped');
    await expect(page.locator('.preview-files li')).toHaveText(['2026-01-01-first.md — no problems', '2026-01-02-second.md — 1 problem']);
    await page.getByRole('button', { name: '2026-01-02-second.md' }).click();
    await expect(page.locator('.preview-problems li.error')).toContainText('Line 3');
    await page.locator('input[type=file]').setInputFiles({ name: 'picked.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: Picked\ndate: 2026-01-03\n---\nHi.\n') });
    await expect(page.locator('.preview-page h1')).toHaveText('Picked');
  });

  test('opens a file of the site by its address, starts a new episode, and downloads', async ({ page }) => {
    await page.goto('preview/?src=content/2021-11-09-tas-003-testing-in-production.md');
    await expect(page.getByLabel('File name')).toHaveValue('2021-11-09-tas-003-testing-in-production.md');
    await expect(page.locator('.preview-path')).toHaveText(/Read as 2021-11-09-tas-003-testing-in-production\.md/);
    await expect(page.locator('.preview-page h1')).toHaveText(/Testing in production/i);
    // The file in the editor is replaced only when the author says so.
    page.once('dialog', (d) => d.dismiss());
    await page.getByRole('button', { name: 'New episode' }).click();
    const editor = page.getByLabel('Front matter and show notes');
    await expect(editor).toHaveValue(/Testing in production/);
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'New episode' }).click();
    await expect(editor).toHaveValue(/^---\ntitle: "Episode 13: "\nepisode: 13\ndate: \d{4}-\d\d-\d\d\n/);
    await expect(page.locator('.preview-page h1')).toHaveText('Episode 13:');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^\d{4}-\d\d-\d\d-episode-13\.md$/);
    const fs = await import('node:fs');
    expect(fs.readFileSync(await download.path(), 'utf8')).toBe(await editor.inputValue());
  });

  test('refuses a file of another site', async ({ page }) => {
    let asked = false;
    await page.route('https://elsewhere.example/**', (route) => {
      asked = true;
      return route.fulfill({ body: '---\ntitle: Theirs\n---\n' });
    });
    await page.goto('preview/?src=https://elsewhere.example/x.md');
    await expect(page.locator('.preview-result')).toContainText('Only a file of this site opens here');
    expect(asked).toBe(false);
    await expect(page.getByLabel('File name')).not.toHaveValue('x.md');
  });

  test.describe('a file that is not there', () => {
    test.use({ allowedErrors: [/status of 404/] });

    test('is said so', async ({ page }) => {
      await page.goto('preview/?src=content/no-such-file.md');
      await expect(page.locator('.preview-result')).toContainText('content/no-such-file.md could not be opened');
    });
  });

  test('says which dropped files it left aside', async ({ page }) => {
    await page.goto('preview/');
    await page.locator('input[type=file]').setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
      { name: '2026-01-05-UPPER.MD', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: Upper case\n---\nHi.\n') },
    ]);
    await expect(page.locator('.preview-page h1')).toHaveText('Upper case');
    await expect(page.locator('.preview-result')).toContainText('Left aside, not Markdown files (.md, .markdown) or unreadable: notes.txt');
  });
});
