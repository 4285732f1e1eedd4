// Offline storage, for src/io/offline.rs: the caches the service worker
// (src/io/service-worker.js) fills and answers from. Streams and the Cache
// API are far smaller to drive from here than through web-sys.

const absolute = (url) => new URL(url, document.baseURI).href;

// Registers the service worker of a release build. A failure (a private
// window, a browser without workers) only means no offline copies.
//
// Its install downloads and caches the app's files, work that on a
// phone's few cores would take the CPU from the page's own first load and
// hydration: the app calls this once it runs, and the worker waits for the
// browser to be idle. (Safari has no requestIdleCallback; setTimeout reads
// the options as no delay: the next task.)
export function register() {
  (self.requestIdleCallback || setTimeout)(() => navigator.serviceWorker?.register('sw.js').catch(() => {}), { timeout: 4000 });
}

// Downloads an episode's audio into the `audio` cache. `progress(received,
// total)` follows the download (total is 0 when the server does not say).
// Resolves to the size in bytes.
export async function saveAudio(url, progress) {
  const response = await fetch(absolute(url));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    progress(received, total);
  }
  const type = response.headers.get('content-type') || 'audio/mpeg';
  const body = new Blob(chunks, { type });
  const cache = await caches.open('audio');
  await cache.put(absolute(url), new Response(body, { headers: { 'content-type': type, 'content-length': String(body.size) } }));
  // Ask the browser not to evict saved episodes under storage pressure.
  navigator.storage?.persist?.().catch(() => {});
  return body.size;
}

export async function removeAudio(url) {
  await (await caches.open('audio')).delete(absolute(url));
}

// Every saved episode: [absolute URL, size in bytes] pairs.
export async function savedAudio() {
  if (!('caches' in self)) return [];
  const cache = await caches.open('audio');
  const keys = await cache.keys();
  return Promise.all(
    keys.map(async (request) => {
      const hit = await cache.match(request);
      return [request.url, Number(hit?.headers.get('content-length')) || 0];
    }),
  );
}

// The addresses of every page and notes file the listener has opened, or
// the app fetched ahead.
export async function savedPages() {
  if (!('caches' in self)) return [];
  return (await (await caches.open('pages')).keys()).map((request) => request.url);
}

export { absolute };
