// Starting the tools the tests talk to over HTTP, and waiting until they
// answer: the static server (scripts/static-server.mjs) and the engines'
// WebDriver drivers.
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Resolves once `probe()` resolves true, polling every 100 ms for about
 * ten seconds; rejects sooner when `child` exits (another process on its
 * port would answer instead).
 */
export async function answering(child, probe, what) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      if (await probe()) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not answer`);
}

/**
 * Serves the built site `dir` on `port` under `base` as a static host does,
 * with the server's `flags` (see scripts/static-server.mjs). Resolves once
 * it answers: `{ url, stop }`, `stop` resolving once its port is free.
 */
export async function serveSite(dir, port, { base = '/', flags = [] } = {}) {
  const args = [path.join(ROOT, 'scripts/static-server.mjs'), '--dir', dir, '--port', String(port), '--base', base, ...flags];
  const child = spawn('node', args, { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}${base}`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill();
    });
  try {
    await answering(child, async () => (await fetch(url)).ok, `the site on ${url}`);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop };
}
