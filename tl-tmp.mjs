import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const srv = spawn('node', ['scripts/static-server.mjs', '--dir', process.argv[2], '--port', '8801'], { stdio: 'ignore' });
await new Promise(r => setTimeout(r, 700));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
const log = [];
p.on('request', (r) => { if (r.url().includes('pagefind')) log.push([Date.now(), 'req ' + new URL(r.url()).pathname.slice(-30)]); });
p.on('requestfinished', (r) => { if (r.url().includes('pagefind')) log.push([Date.now(), 'done ' + new URL(r.url()).pathname.slice(-30)]); });
await p.goto('http://127.0.0.1:8801/');
await p.locator('#app[data-running]').waitFor({ state: 'attached' });
await p.waitForTimeout(2500);
await p.focus('#viewer-search');
await p.waitForTimeout(2500);
for (const q of ['rust', 'java', 'performance']) {
  log.length = 0;
  const t0 = Date.now();
  const dt = await p.evaluate((q) => new Promise((resolve) => {
    const input = document.querySelector('#viewer-search');
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const tick = () => {
      const done = new URLSearchParams(location.search).get('q') === q && document.querySelector('#app main [aria-busy="false"]') && !document.querySelector('#app main .loading');
      if (done) requestAnimationFrame(() => resolve(Math.round(performance.now() - start)));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), q);
  console.log(q, dt, log.map(([t, s]) => `${t - t0} ${s}`).join(' | '));
}
await b.close(); srv.kill();
