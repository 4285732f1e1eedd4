// Stand-ins for the two hosts a measured episode's audio goes through:
//   on PORT, a measurement service as OP3 works:
//     /e/ADDRESS  counts the request, then redirects to ADDRESS (`https://`
//                 unless the address keeps its own scheme), CORS allowed;
//     /hits       what it counted: [{ address, range }];
//   on CDN_PORT, a media CDN serving DIR with byte ranges and CORS.
//
//   node tests/e2e/media-hosts.mjs --dir target/e2e-measured --port 8185 --cdn-port 8186
import http from 'node:http';
import sirv from 'sirv';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const hits = [];

http
  .createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    if (req.url === '/hits') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(hits));
    } else if (req.url.startsWith('/e/')) {
      const address = req.url.slice('/e/'.length);
      hits.push({ address, range: req.headers.range ?? null });
      const location = /^https?:\/\//i.test(address) ? address : `https://${address}`;
      res.writeHead(302, { location }).end();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  })
  .listen(Number(args.port), '127.0.0.1');

const cdn = sirv(args.dir, { dev: true, etag: true });
http
  .createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    cdn(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'));
  })
  .listen(Number(args['cdn-port']), '127.0.0.1', () => console.log(`media hosts on ${args.port} and ${args['cdn-port']}`));
