// The engines listeners use, each driven over WebDriver by its own driver:
// WebKitGTK's MiniBrowser (Safari's engine family) under a virtual display,
// Firefox ESR through geckodriver, and Chromium through chromedriver.
// Playwright's own WebKit and Firefox builds are not used: the suite runs
// the engines as Debian ships them (see scripts/lib/tools.sh,
// `ensure_engines`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { Builder } from 'selenium-webdriver';
import { answering } from '../common/serve.mjs';

// Debian puts it under the machine's multiarch folder (x86_64-linux-gnu…).
const MINIBROWSER = fs.globSync?.('/usr/lib/*/webkit2gtk-4.1/MiniBrowser')[0]
  ?? fs.readdirSync('/usr/lib').map((d) => `/usr/lib/${d}/webkit2gtk-4.1/MiniBrowser`).find((f) => fs.existsSync(f));

/** How each engine's driver starts on `port`, and the session it is asked
 * for; `scripting: false` asks for a browser with JavaScript turned off. */
export const ENGINES = {
  webkit: {
    driver: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1280x900x24', 'WebKitWebDriver', `--port=${port}`]],
    capabilities: ({ scripting = true } = {}) => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: MINIBROWSER,
        // MiniBrowser takes WebKitSettings as options; it rejects --headless.
        args: ['--automation', ...(scripting ? [] : ['--enable-javascript=false'])],
      },
    }),
  },
  firefox: {
    driver: (port) => ['geckodriver', ['--port', String(port)]],
    capabilities: ({ scripting = true } = {}) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless', '-width=1280', '-height=900'],
        prefs: { 'javascript.enabled': scripting, 'media.autoplay.default': 0 },
      },
    }),
  },
  chromium: {
    driver: (port) => ['chromedriver', [`--port=${port}`]],
    capabilities: ({ scripting = true } = {}) => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--window-size=1280,900', '--no-first-run', '--disable-background-networking'],
        prefs: scripting ? {} : { 'profile.managed_default_content_settings.javascript': 2 },
      },
    }),
  },
};

// Drivers still running when the test process ends (a time-out, Ctrl-C)
// are ended with it, browsers and virtual displays included.
const running = new Set();
for (const signal of ['exit', 'SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) stopGroup(child);
    if (signal !== 'exit') process.exit(1);
  });
}

/**
 * Starts `engine`'s driver on `port`; resolves once it answers, with
 * `{ url, stop, restart }`: `restart` stops it and starts it again there.
 */
export async function startDriver(engine, port) {
  const [command, args] = ENGINES[engine].driver(port);
  const url = `http://127.0.0.1:${port}`;
  let child;
  const start = async () => {
    child = spawn(command, args, { stdio: 'ignore', detached: true });
    running.add(child);
    try {
      await answering(child, async () => (await fetch(`${url}/status`)).ok, `${command} on ${url}`);
    } catch (e) {
      stopGroup(child);
      throw e;
    }
  };
  await start();
  const stop = () => stopGroup(child);
  const restart = async () => {
    const old = child;
    stop();
    // Its port is free once it is gone.
    if (old.exitCode === null && old.signalCode === null) await new Promise((r) => old.once('exit', r));
    await start();
  };
  return { url, stop, restart };
}

/** Ends a driver and what it started (the virtual display, the browser). */
function stopGroup(child) {
  running.delete(child);
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {} // Gone already.
}

/** How long a browser may take to start. */
const STARTING_MS = 30_000;

/**
 * A new browser session (a fresh profile) of `engine` through `driver`
 * (from `startDriver`). A browser that has not started within 30 s is
 * asked for again, with the driver restarted, up to three times:
 * WebKitGTK's MiniBrowser now and then never comes up, and its driver then
 * waits for it for ever.
 */
export async function session(engine, driver, options) {
  for (let attempt = 1; ; attempt++) {
    const starting = new Builder().usingServer(driver.url).withCapabilities(ENGINES[engine].capabilities(options)).build();
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${engine} started no browser within ${STARTING_MS / 1000} s (attempt ${attempt})`)), STARTING_MS);
    });
    try {
      return await Promise.race([starting, late]);
    } catch (e) {
      starting.then((browser) => browser.quit(), () => {}).catch(() => {});
      if (attempt === 3) throw e;
      await driver.restart();
    } finally {
      clearTimeout(timer);
    }
  }
}
