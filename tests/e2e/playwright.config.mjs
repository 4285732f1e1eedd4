// End-to-end tests: the release build, served on loopback under a sub-path
// (the harder hosting case), driven in Debian's Chromium.
// scripts/test builds the site into E2E_DIST before running this.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8181);
export const BASE_PATH = '/podcast/';
// The same app with an archive of hostile notes (see make-hostile-archive).
const hostilePort = port + 1;
export const HOSTILE_URL = `http://127.0.0.1:${hostilePort}${BASE_PATH}`;
// The same app with a generated 2,000-episode archive.
const bigPort = port + 2;
export const BIG_URL = `http://127.0.0.1:${bigPort}${BASE_PATH}`;
// The demo archive with its audio measured through an analytics prefix
// (scripts/test writes its settings): the service and the CDN its audio is
// on are media-hosts.mjs.
const measuredPort = port + 3;
export const MEASURED_URL = `http://127.0.0.1:${measuredPort}${BASE_PATH}`;
export const MEASURE_URL = `http://127.0.0.1:${port + 4}/`;
export const CDN_URL = `http://127.0.0.1:${port + 5}/`;
// The same app with an archive kept as other generators keep theirs (see
// make-field-archive).
const fieldPort = port + 7;
export const FIELD_URL = `http://127.0.0.1:${fieldPort}${BASE_PATH}`;

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}${BASE_PATH}`,
    trace: 'retain-on-failure',
    // The service worker caches what it serves; tests of the network would
    // test the cache instead. publish.spec.mjs turns it on where it is the
    // subject.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Headless Chromium refuses to start audio without a gesture;
        // the tests click play like a listener does.
        '--autoplay-policy=user-gesture-required',
      ],
    },
  },
  webServer: [
    {
      command: `node scripts/static-server.mjs --dir ${process.env.E2E_DIST ?? 'target/e2e-dist'} --port ${port} --base ${BASE_PATH}`,
      cwd: '../..',
      url: `http://127.0.0.1:${port}${BASE_PATH}`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/static-server.mjs --dir ${process.env.E2E_HOSTILE_DIST ?? 'target/e2e-hostile'} --port ${hostilePort} --base ${BASE_PATH}`,
      cwd: '../..',
      url: HOSTILE_URL,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/static-server.mjs --dir ${process.env.E2E_BIG_DIST ?? 'target/e2e-big'} --port ${bigPort} --base ${BASE_PATH}`,
      cwd: '../..',
      url: BIG_URL,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/static-server.mjs --dir ${process.env.E2E_MEASURED_DIST ?? 'target/e2e-measured'} --port ${measuredPort} --base ${BASE_PATH}`,
      cwd: '../..',
      url: MEASURED_URL,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/static-server.mjs --dir ${process.env.E2E_FIELD_DIST ?? 'target/e2e-field'} --port ${fieldPort} --base ${BASE_PATH}`,
      cwd: '../..',
      url: FIELD_URL,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node tests/e2e/media-hosts.mjs --dir ${process.env.E2E_MEASURED_DIST ?? 'target/e2e-measured'} --port ${port + 4} --cdn-port ${port + 5}`,
      cwd: '../..',
      url: `${MEASURE_URL}hits`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
