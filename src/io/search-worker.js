// The search engine's own thread. Pagefind (https://pagefind.app/docs/api/)
// runs here, in its single-thread mode, and the page gets back only what it
// draws: every result's id and score, then the details of the results on
// screen. Pagefind's own worker would post every result, with the places
// of its words, to the page: for a word in thousands of episodes, that is
// a long task on the page's thread. Started by search.js; its messages are
// `{ id, op, args }`, answered `{ id, result }` or `{ id, error }`. The
// site has two indexes, each its own Pagefind bundle: `pagefind` (the
// episode pages) and `pagefind-transcripts` (loaded only when asked).
const engines = new Map();
// Results of the last few searches, by search number: the page asks for
// details of the typed and the mended query's results.
const searches = new Map();
const KEPT = 8;
let last = 0;

function load(bundle) {
  if (!engines.has(bundle)) {
    const engine = import(new URL(`${bundle}/pagefind.js`, self.location.href).href)
      .then(async (pagefind) => {
        await pagefind.options({ excerptLength: 24 });
        await pagefind.init();
        return pagefind;
      })
      .catch((e) => {
        engines.delete(bundle); // a later try starts over
        throw e;
      });
    engines.set(bundle, engine);
  }
  return engines.get(bundle);
}

const ops = {
  async warm(bundle) {
    await load(bundle);
    return true;
  },
  // -> { search, ids: 'id\nid…', scores: Float64Array }, best first.
  async search(bundle, term, filters) {
    const { results } = await (await load(bundle)).search(term, { filters });
    const search = ++last;
    searches.set(search, results);
    searches.delete(search - KEPT);
    return { search, ids: results.map((r) => r.id).join('\n'), scores: Float64Array.from(results, (r) => r.score) };
  },
  // -> [{ meta, excerpt } or null], for the results at `places` of `search`.
  async details(search, places) {
    const results = searches.get(search) ?? [];
    return Promise.all(
      Array.from(places, async (i) => {
        try {
          const data = await results[i].data();
          return { meta: data.meta ?? {}, excerpt: data.excerpt ?? '' };
        } catch {
          return null;
        }
      }),
    );
  },
  // -> the distinct words the engine matched on the result at `place` of
  // `search`, as its page writes them (split as Pagefind splits the text
  // it counts its word locations in).
  async matched(search, place) {
    const data = await searches.get(search)?.[place]?.data();
    if (!data) return [];
    const words = data.content.split(/[\r\n\s]+/g);
    return [...new Set(data.locations.map((i) => words[i]).filter(Boolean))];
  },
};

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    self.postMessage({ id, result: await ops[op](...args) });
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e) });
  }
};
