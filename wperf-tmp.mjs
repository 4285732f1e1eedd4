import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const srv = spawn('node', ['scripts/static-server.mjs', '--dir', process.argv[2], '--port', '8800'], { stdio: 'ignore' });
await new Promise(r => setTimeout(r, 700));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
await p.goto('http://127.0.0.1:8800/robots.txt');
const out = await p.evaluate(async (qs) => {
  const w = new Worker('/search-worker.js', { type: 'module' });
  let n = 0; const pend = new Map();
  w.onmessage = ({ data }) => { pend.get(data.id)(data); };
  const ask = (op, args) => new Promise((r) => { const id = ++n; pend.set(id, r); w.postMessage({ id, op, args }); });
  const rows = [];
  let t = performance.now(); await ask('warm', []); rows.push(`warm ${Math.round(performance.now() - t)}`);
  for (const q of qs) {
    t = performance.now();
    const s = (await ask('search', [q, {}])).result;
    const t1 = performance.now();
    await ask('details', [s.search, [0,1,2,3,4,5,6,7,8,9,10,11], 'slug']);
    const t2 = performance.now();
    rows.push(`${q}: search ${Math.round(t1 - t)} ms, details ${Math.round(t2 - t1)} ms, ${s.scores.length}`);
  }
  return rows;
}, ['kubernetes', 'rust', 'java', 'webassembly', 'docker', 'performance', 'zzqx']);
console.log(out.join('\n'));
await b.close(); srv.kill();
