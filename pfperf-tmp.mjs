import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const dir = process.argv[2];
const srv = spawn('node', ['scripts/static-server.mjs', '--dir', dir, '--port', '8797'], { stdio: 'ignore' });
await new Promise(r => setTimeout(r, 700));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
await p.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lt.push(Math.round(e.duration)))).observe({ entryTypes: ['longtask'] }); });
await p.goto('http://127.0.0.1:8797/robots.txt');
await p.goto('http://127.0.0.1:8797/');
await p.waitForTimeout(2000);
const out = await p.evaluate(async (qs) => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  const rows = [];
  for (const q of qs) {
    window.__lt = [];
    const t0 = performance.now();
    const r = await pf.search(q);
    const t1 = performance.now();
    rows.push(`${q}: ${r.results.length} results in ${Math.round(t1 - t0)} ms, long tasks ${JSON.stringify(window.__lt)}`);
  }
  return rows;
}, ['kubernetes', 'rust', 'java', 'webassembly', 'the', 'docker', 'performance']);
console.log(out.join('\n'));
await b.close(); srv.kill();
