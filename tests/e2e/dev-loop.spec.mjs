// The author's loop with scripts/serve: an edit in the content folder is
// indexed again (scripts/watch-content.mjs running reindex_site), and a
// reload of the open episode shows it. The demo site is copied and served
// on a port of its own, with the watcher scripts/serve starts.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import { serveSite } from '../common/serve.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const port = Number(process.env.E2E_PORT ?? 8181) + 6;
const url = `http://127.0.0.1:${port}/podcast/`;
const slug = 'tas-003-testing-in-production';
let dir, content, out, watcher, server;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-loop-'));
  content = path.join(dir, 'content');
  out = path.join(dir, 'site');
  fs.cpSync(path.join(root, 'content'), content, { recursive: true });
  const app = process.env.E2E_DIST ?? 'target/e2e-dist';
  execFileSync('bash', ['-c', 'source scripts/lib/tools.sh && restage_site "$1" "$2" "$3"', '_', app, content, out], { cwd: root, stdio: 'ignore' });
  const shell = 'source "$1/scripts/lib/tools.sh" && reindex_site "$2" "$3"';
  watcher = spawn('node', ['scripts/watch-content.mjs', content, '--', 'bash', '-c', shell, '_', root, content, out], { cwd: root, stdio: 'ignore' });
  server = await serveSite(out, port, { base: '/podcast/' });
});

test.afterAll(async () => {
  watcher?.kill();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('an edit to an episode file shows on the next reload', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${url}episodes/${slug}/`);
  await expect(page.locator('.show-notes')).toBeVisible();
  await expect(page.locator('.show-notes')).not.toContainText('Added while serving');
  const file = fs.readdirSync(content).find((f) => f.includes('tas-003'));
  fs.appendFileSync(path.join(content, file), '\n## Added while serving\n\nA new paragraph.\n');
  await expect
    .poll(() => fs.readFileSync(path.join(out, 'notes', `${slug}.html`), 'utf8'), { timeout: 90_000 })
    .toContain('Added while serving');
  await page.reload();
  await expect(page.locator('.show-notes h2').last()).toHaveText(/^Added while serving/);
  // The episode's file as published changed too, for the Markdown module.
  const source = await (await fetch(`${url}content/${encodeURIComponent(file)}`)).text();
  expect(source).toContain('Added while serving');
});

test('an episode withdrawn while serving leaves the site', async ({ page }) => {
  test.setTimeout(120_000);
  const withdrawn = 'tas-002-tabs-versus-spaces';
  const file = fs.readdirSync(content).find((f) => f.includes('tas-002'));
  const text = fs.readFileSync(path.join(content, file), 'utf8');
  fs.writeFileSync(path.join(content, file), text.replace(/^---\n/, '---\ndraft: true\n'));
  await expect.poll(() => fs.existsSync(path.join(out, 'notes', `${withdrawn}.html`)), { timeout: 90_000 }).toBe(false);
  // The host answers a missing page with its fallback (the listing).
  for (const gone of [`episodes/${withdrawn}/`, `content/${encodeURIComponent(file)}`]) {
    const response = await fetch(url + gone);
    expect((await response.text()).includes('Tabs versus spaces'), gone).toBe(false);
  }
  await page.goto(url);
  await expect(page.locator(`.episode-card a[href$="episodes/${withdrawn}/"]`)).toHaveCount(0);
});
