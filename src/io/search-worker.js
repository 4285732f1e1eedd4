// The search engine's own thread. Pagefind (https://pagefind.app/docs/api/)
// runs here, in its single-thread mode, and the page gets back only what it
// draws: every result's id and score, then the details of the results on
// screen. Pagefind's own worker would post every result, with the places
// of its words, to the page: for a word in thousands of episodes, that is
// a long task on the page's thread. Started by search.js; its messages are
// `{ id, op, args }`, answered `{ id, result }` or `{ id, error }`.
let engine;
// Results of the last few searches, by search number: the page asks for
// details of the typed and the mended query's results.
const searches = new Map();
const KEPT = 8;
let last = 0;

function load() {
  engine ??= import(new URL('pagefind/pagefind.js', self.location.href).href)
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

const ops = {
  async warm() {
    await load();
    return true;
  },
  // -> { search, ids: 'id\nid…', scores: Float64Array }, best first.
  async search(term, filters) {
    const { results } = await (await load()).search(term, { filters });
    const search = ++last;
    searches.set(search, results);
    searches.delete(search - KEPT);
    return { search, ids: results.map((r) => r.id).join('\n'), scores: Float64Array.from(results, (r) => r.score) };
  },
  // -> [{ slug, excerpt } or null], for the results at `places` of `search`.
  async details(search, places, slugKey) {
    const results = searches.get(search) ?? [];
    return Promise.all(
      Array.from(places, async (i) => {
        try {
          const data = await results[i].data();
          return { slug: data.meta?.[slugKey] ?? '', excerpt: data.excerpt ?? '' };
        } catch {
          return null;
        }
      }),
    );
  },
};

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    self.postMessage({ id, result: await ops[op](...args) });
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e) });
  }
};
