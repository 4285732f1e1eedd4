// The service worker: the archive keeps working offline.
//
// scripts/make-service-worker.mjs writes it into each release build as
// sw.js, with VERSION (a hash of the build's shell) and SHELL (the app's
// files) filled in. A new build is a new worker: it installs at once, takes
// over open pages and deletes the old build's files, so a deploy never
// leaves a listener on a stale app.
//
// Caches (the app reads the last two, see src/io/offline.js):
// - `shell-VERSION`: the app itself, fetched at install, and its other
//   modules once used;
// - `pages`: every page, index and notes file the listener has opened
//   or the app fetched ahead, refreshed from the network whenever it
//   answers;
// - `audio`: episodes saved for offline, only by the listener's action.
const VERSION = '__VERSION__';
const SHELL = __SHELL__;
const SHELL_CACHE = `shell-${VERSION}`;
const PAGES = 'pages';
const AUDIO = 'audio';

self.addEventListener('install', (event) => {
  event.waitUntil(
    Promise.all([caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)), caches.open(PAGES).then((cache) => cache.add('index.json'))]).then(() =>
      self.skipWaiting(),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('shell-') && n !== SHELL_CACHE).map((n) => caches.delete(n))))
      .then(keepOpenPages)
      .then(() => self.clients.claim()),
  );
});

// The site's pages open now loaded before this worker existed, so they
// never passed through it: keep them too, under their address without its
// query (where `page` looks when offline), so the very first page a
// listener opens also reads offline. Only the site's own tabs (not frames,
// nor another app's pages on the same host), and only pages.
async function keepOpenPages() {
  const cache = await caches.open(PAGES);
  const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  await Promise.all(
    open
      .filter((client) => client.frameType === 'top-level' && client.url.startsWith(self.registration.scope))
      .map(async (client) => {
        const url = new URL(client.url);
        url.search = '';
        try {
          const response = await fetch(url.href);
          if (response.status === 200 && (response.headers.get('content-type') || '').startsWith('text/html')) {
            await cache.put(url.href, response);
          }
        } catch {} // Offline already: nothing to keep.
      }),
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.destination === 'audio' || request.headers.has('range')) {
    event.respondWith(savedAudio(request));
    return;
  }
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (SHELL_URLS.has(url.href)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  } else if (MODULE.test(url.pathname)) {
    event.respondWith(module(request));
  } else {
    event.respondWith(fresh(request));
  }
});

const SHELL_URLS = new Set(SHELL.map((path) => new URL(path, self.registration.scope).href));

// The app's other modules (src/io/modules.rs), named by their content:
// kept with this build's own files once a listener has used one, so they
// go with the build instead of piling up in `pages`.
const MODULE = /\/[a-z_]+-[0-9a-f]{16}(_bg\.wasm|\.js)$/;

async function module(request) {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

// Network first, so an online listener always sees the latest notes and
// index; the copy is for when the network is gone.
async function fresh(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok && response.status === 200) await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const hit = await cache.match(request, { ignoreVary: true });
    if (hit) return hit;
    throw offline;
  }
}

// Pages: the network, else this page as last seen, else the app's shell,
// which then says which parts are not available offline.
async function page(request) {
  try {
    return await fresh(request);
  } catch (offline) {
    const cache = await caches.open(PAGES);
    const url = new URL(request.url);
    url.search = '';
    const hit = (await cache.match(url.href)) || (await caches.match(new URL('shell.html', self.registration.scope).href));
    if (hit) return hit;
    return new Response('<!doctype html><meta charset=utf-8><title>Offline</title><p>You are offline, and this page was not saved.</p>', {
      status: 503,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  }
}

// A saved episode plays from the cache, seeking included: media elements
// ask for byte ranges, which the cache does not answer by itself.
async function savedAudio(request) {
  const cache = await caches.open(AUDIO);
  const hit = await cache.match(request.url, { ignoreVary: true, ignoreSearch: false });
  if (!hit) return fetch(request);
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') || '');
  if (!range) return hit;
  const body = await hit.blob();
  const start = range[1] ? Number(range[1]) : Math.max(0, body.size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), body.size - 1) : body.size - 1;
  if (start >= body.size || start > end) {
    return new Response(null, { status: 416, headers: { 'content-range': `bytes */${body.size}` } });
  }
  return new Response(body.slice(start, end + 1), {
    status: 206,
    headers: {
      'content-type': hit.headers.get('content-type') || 'audio/mpeg',
      'content-range': `bytes ${start}-${end}/${body.size}`,
      'content-length': String(end - start + 1),
      'accept-ranges': 'bytes',
    },
  });
}
