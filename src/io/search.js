// The page's side of the search engine's thread (search-worker.js, copied
// beside the app by the build). It is the search module's, so nothing of
// the engine loads before the listener searches.
let worker;
let next = 0;
const pending = new Map();

function start() {
  if (worker) return worker;
  worker = new Worker(new URL('search-worker.js', document.baseURI), { type: 'module' });
  worker.onmessage = ({ data }) => {
    const asked = pending.get(data.id);
    if (!asked) return;
    pending.delete(data.id);
    if (data.error) asked.reject(new Error(data.error));
    else asked.resolve(data.result);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    for (const asked of pending.values()) asked.reject(new Error(e.message || 'the search engine did not start'));
    pending.clear();
    worker.terminate();
    worker = undefined; // a later try starts over
  };
  return worker;
}

function ask(op, args) {
  return new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject });
    start().postMessage({ id, op, args });
  });
}

// The thread starts as this script is imported, while the search module's
// wasm is still on its way: the module is loaded on the search box's first
// focus, so the listener is about to search. Only the search module
// imports this script (Trunk's modulepreload on every page fetches it
// without running it). A thread that cannot start is reported by the
// search that asks for it, as an engine error; here it would fail the
// import, and the browser remembers a failed import.
try {
  start();
} catch {
  // ask() starts it again and reports why.
}

export const warm = (bundle) => ask('warm', [bundle]);
export const search = (bundle, term, filters) => ask('search', [bundle, term, filters]);
export const details = (search, places) => ask('details', [search, Array.from(places)]);
export const matched = (search, place) => ask('matched', [search, place]);
