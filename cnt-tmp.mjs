import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const srv = spawn('node', ['scripts/static-server.mjs', '--dir', process.argv[2], '--port', '8799'], { stdio: 'ignore' });
await new Promise(r => setTimeout(r, 700));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
p.on('console', (m) => console.log('console', m.text().slice(0, 200)));
for (const q of ['java', 'rust', 'performance']) {
  await p.goto('http://127.0.0.1:8799/?q=' + q);
  await p.locator('.episode-list[aria-busy=false]').waitFor({ timeout: 20000 });
  console.log(q, await p.locator('.count').textContent(), await p.locator('.card-title').first().textContent());
}
await b.close(); srv.kill();
