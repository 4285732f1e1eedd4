// Serves a built site on loopback the way a static host does, with the SPA
// fallback the README's deploy docs promise: unknown paths without a file
// extension get index.html; missing files get a real 404.
//
//   node scripts/static-server.mjs --dir dist --port 8080 [--base /sub/path/]
import http from 'node:http';
import sirv from 'sirv';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const dir = args.dir ?? 'dist';
const port = Number(args.port ?? 8080);
const host = args.host ?? '127.0.0.1';
const base = `/${(args.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

const files = sirv(dir, { single: true, dev: true, etag: true });

http
  .createServer((req, res) => {
    if (!req.url.startsWith(base) && `${req.url}/` !== base) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not under ' + base);
      return;
    }
    req.url = '/' + req.url.slice(base.length);
    files(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'));
  })
  .listen(port, host, () => console.log(`serving ${dir} at http://${host}:${port}${base}`));
