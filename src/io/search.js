// The site's search engine, Pagefind (https://pagefind.app/docs/api/),
// which the build writes into `pagefind/` beside the app. Imported the
// first time the listener searches, never with the page; it runs its own
// work in a web worker.
let engine;

function load() {
  engine ??= import(new URL('pagefind/pagefind.js', document.baseURI).href)
    .then(async (pagefind) => {
      await pagefind.options({ excerptLength: 24 });
      await pagefind.init();
      return pagefind;
    })
    .catch((e) => {
      engine = undefined; // a later try starts over
      throw e;
    });
  return engine;
}

export async function warm() {
  await load();
}

// Pages matching `term`, best first: [{ id, score, data }]. `filters`:
// { name: value }.
export async function search(term, filters) {
  const pagefind = await load();
  return (await pagefind.search(term, { filters })).results;
}

// What a result's page says: { meta: { name: value }, excerpt }.
export function details(result) {
  return result.data();
}
