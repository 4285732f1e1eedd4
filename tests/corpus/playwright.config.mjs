// CI-only: a real archive, built with the app, opened page by page in
// Debian's Chromium. .ci/run sets CORPUS_DIST, CORPUS_POSTS and CORPUS_AUDIO.
import { defineConfig } from '@playwright/test';
import base from '../e2e/playwright.config.mjs';

const port = Number(process.env.CORPUS_PORT ?? 8191);

export default defineConfig({
  ...base,
  testDir: '.',
  outputDir: '../../test-results/corpus',
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}/podcast/` },
  webServer: {
    command: `node scripts/static-server.mjs --dir ${process.env.CORPUS_DIST} --port ${port} --base /podcast/`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/podcast/`,
    reuseExistingServer: false,
  },
});
