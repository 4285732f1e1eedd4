// Serves a built site on loopback the way a static host does, with the SPA
// fallback the README's deploy docs promise: unknown paths without a file
// extension get index.html; missing files get a real 404. Like Netlify, it
// sends the headers the site's `_headers` file names (the release build's
// Content Security Policy).
//
//   node scripts/static-server.mjs --dir dist --port 8080 [--base /sub/path/]
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
    for (const rule of rules) {
      if (matches(rule.pattern, req.url)) for (const [name, value] of rule.headers) res.setHeader(name, value);
    }
    files(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'));
  })
  .listen(port, host, () => console.log(`serving ${dir} at http://${host}:${port}${base}`));
