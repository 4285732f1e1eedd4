// Serves a built site on loopback the way a static host does, with the SPA
// fallback the README's deploy docs promise: unknown paths without a file
// extension get index.html; missing files get a real 404. Like Netlify, it
// sends the headers the site's `_headers` file names (the release build's
// Content Security Policy).
//
//   node scripts/static-server.mjs --dir dist --port 8080 [--base /sub/path/]
//
// The tests also play hosts as they are found in the field:
//   --ranges off     a host that ignores `Range` (every answer the whole
//                    file, 200, no `Accept-Ranges`);
//   --ranges wrong   a host that answers `206` with a wrong total length
//                    in `Content-Range`;
//   --throttle N     audio sent at N bytes a second (a slow host, so that a
//                    player cannot have it all at once);
//   --missing PATH   a file the build did not publish (PATH relative to
//                    the base, such as `notes/x.html`): answered 404;
//   --report-csp     the policy also sent as `Content-Security-Policy-Report-Only`
//                    with a `report-uri` here: browsers post what it blocks
//                    to `{base}__csp`, and a GET there lists it (as JSON),
//                    so any engine's violations can be read without a hook
//                    into the page.
import http from 'node:http';
import sirv from 'sirv';
import fs from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const dir = args.dir ?? 'dist';
const port = Number(args.port ?? 8080);
const host = args.host ?? '127.0.0.1';
const base = `/${(args.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const ranges = args.ranges ?? 'on';
const reportCsp = process.argv.includes('--report-csp');
const throttle = Number(args.throttle ?? 0);
const missing = args.missing;
const violations = [];

const files = sirv(dir, { single: true, dev: true, etag: true });
const rules = readHeaders(path.join(dir, '_headers'));

/** Netlify's `_headers` format: a path pattern, then indented `Name: value` lines. */
function readHeaders(file) {
  if (!fs.existsSync(file)) return [];
  const rules = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else if (rules.length) {
      const i = line.indexOf(':');
      rules.at(-1).headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}

// A `*` matches any run of characters, as Netlify's splats do.
const matches = (pattern, url) =>
  new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(url.split('?')[0]);

http
  .createServer((req, res) => {
    if (!req.url.startsWith(base) && `${req.url}/` !== base) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not under ' + base);
      return;
    }
    req.url = '/' + req.url.slice(base.length);
    if (missing && req.url.split('?')[0] === `/${missing}`) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not published');
      return;
    }
    if (reportCsp && req.url === '/__csp') {
      if (req.method === 'POST') {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          violations.push(body);
          res.writeHead(204).end();
        });
      } else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(violations));
      return;
    }
    for (const rule of rules) {
      if (!matches(rule.pattern, req.url)) continue;
      for (const [name, value] of rule.headers) {
        res.setHeader(name, value);
        if (reportCsp && name.toLowerCase() === 'content-security-policy') {
          res.setHeader('Content-Security-Policy-Report-Only', `${value}; report-uri ${base}__csp`);
        }
      }
    }
    if (throttle && /\.(mp3|m4a|ogg|opus)$/.test(req.url)) {
      // Each chunk, then a pause as long as sending it takes at that rate:
      // the file's stream waits for 'drain'.
      const write = res.write.bind(res);
      res.write = (chunk, ...rest) => {
        write(chunk, ...rest);
        setTimeout(() => res.emit('drain'), (chunk.length / throttle) * 1000);
        return false;
      };
    }
    if (ranges === 'off') delete req.headers.range;
    else if (ranges === 'wrong' && req.headers.range) {
      // The total doubled: the host claims a file twice its size.
      const writeHead = res.writeHead.bind(res);
      res.writeHead = (status, headers = {}) => {
        const range = headers['Content-Range'];
        if (status === 206 && range) headers['Content-Range'] = range.replace(/\/(\d+)$/, (_, total) => `/${Number(total) * 2}`);
        return writeHead(status, headers);
      };
    }
    files(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'));
  })
  .listen(port, host, () => console.log(`serving ${dir} at http://${host}:${port}${base}`));
