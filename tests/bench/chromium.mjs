// The bench's browser: Debian's Chromium as every bench run launches it.
import { chromium } from '@playwright/test';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];

/**
 * Chromium without its omnibox popup. Each of the bench's fresh contexts
 * opens a window, and this Chromium loads a window's omnibox popup as a
 * WebUI page of its own: its scripts took one of the machine's two cores
 * for most of a second, while the site loaded, and stretched the site's
 * tasks. A listener's browser did that work before they typed the address.
 * Chromium reads only the last `--disable-features` flag, and Playwright
 * gives one of its own: the flag given holds every list the command line
 * had, and these. (Chromium ignores a feature name it does not know: a
 * renamed feature would bring the popup back without a word.)
 */
export async function launchChromium() {
  const options = { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS };
  const given = async (browser) => {
    const page = await browser.newPage();
    await page.goto('chrome://version');
    const line = await page.locator('#command_line').textContent();
    await page.close();
    return [...line.matchAll(/--disable-features=(\S+)/g)];
  };
  const probe = await chromium.launch(options);
  let flags;
  try {
    flags = await given(probe);
  } finally {
    await probe.close();
  }
  const omnibox = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];
  const features = [...new Set([...flags.flatMap((m) => m[1].split(',')), ...omnibox])];
  const browser = await chromium.launch({
    ...options,
    ignoreDefaultArgs: flags.map((m) => m[0]),
    args: [...options.args, `--disable-features=${features.join(',')}`],
  });
  // Chromium reads the last such flag: it must hold every feature.
  const now = await given(browser);
  if (now.at(-1)?.[1] !== features.join(',')) {
    await browser.close();
    throw new Error(`Chromium's --disable-features is not the one given: ${now.map((m) => m[0]).join(' ')}`);
  }
  return browser;
}
