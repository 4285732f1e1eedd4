import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const dir = process.argv[2];
const srv = spawn('node', ['scripts/static-server.mjs', '--dir', dir, '--port', '8798'], { stdio: 'ignore' });
await new Promise(r => setTimeout(r, 700));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
await p.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lt.push(Math.round(e.duration)))).observe({ entryTypes: ['longtask'] }); });
await p.goto('http://127.0.0.1:8798/');
await p.locator('#app[data-running]').waitFor({ state: 'attached' });
await p.waitForTimeout(2500);
await p.focus('#viewer-search');
await p.waitForTimeout(1500);
for (const q of ['kubernetes', 'rust', 'java', 'webassembly', 'docker', 'performance', 'zzqx']) {
  const r = await p.evaluate((q) => new Promise((resolve) => {
    window.__lt = [];
    const input = document.querySelector('#viewer-search');
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const tick = () => {
      const done = new URLSearchParams(location.search).get('q') === q && document.querySelector('#app main [aria-busy="false"]') && !document.querySelector('#app main .loading');
      if (done) requestAnimationFrame(() => resolve(`${q}: ${Math.round(performance.now() - start)} ms, long ${JSON.stringify(window.__lt)}, ${document.querySelector('.count').textContent}`));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), q);
  console.log(r);
}
await b.close(); srv.kill();
