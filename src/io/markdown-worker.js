// The Markdown module's own thread (src/bin/markdown.rs). Started by
// markdown-client.js, which names the module's file (hashed by the build) in the
// `module` parameter of this script's address. Messages are
// `{ id, op, args }`, answered `{ id, result }` or `{ id, error }`, the
// error in the app's form (see markdown-client.js).
const here = new URL(self.location.href);
const base = new URL('./', here);
const file = here.searchParams.get('module') ?? 'markdown';

// The failure of a download, in the app's form.
const unreached = (e) => (navigator.onLine === false ? ['offline'] : ['network', String(e?.message ?? e)]);

// The module, loaded once; a failed load is tried again on the next call.
let markdown;
function module() {
  markdown ??= import(new URL(`${file}.js`, base).href)
    .then(async (m) => {
      await m.default({ module_or_path: new URL(`${file}_bg.wasm`, base).href });
      return m;
    })
    .catch((e) => {
      markdown = undefined;
      throw unreached(e);
    });
  return markdown;
}

async function text(path) {
  let response;
  try {
    // Always asked again: an author's edit shows on the next reload.
    response = await fetch(new URL(path, base), { cache: 'no-cache' });
  } catch (e) {
    throw unreached(e);
  }
  if (!response.ok) throw ['status', response.status, path];
  // A host with an SPA fallback answers a missing file with the app's
  // page and a 200: that is a missing file.
  if (/^text\/html/.test(response.headers.get('content-type') ?? '')) throw ['status', 404, path];
  return response.text();
}

// The site's index and the sources file it names, fetched once. A site
// that publishes none (`publish_sources: false`) has no episode file to
// read, so its notes stay not found; a draft is read all the same.
let site;
function load() {
  site ??= Promise.all([module(), text('index.json')])
    .then(async ([m, index]) => {
      const name = m.sources_file(index);
      return { m, index, sources: name ? await text(name) : '{}' };
    })
    .catch((e) => {
      site = undefined; // a later call tries again
      throw e;
    });
  return site;
}

const ops = {
  async notes(slug) {
    const { m, index, sources } = await load();
    const found = m.source(sources, slug);
    if (!found) throw ['status', 404, `notes/${slug}.html`];
    const [path, url] = found;
    return m.notes(index, sources, path, await text(url));
  },
  async read(path, body) {
    const { m, index, sources } = await load();
    return m.read(index, sources, path, body);
  },
  async template(number, date) {
    const { m, sources } = await load();
    return m.template(sources, number, date);
  },
  async source(slug) {
    const { m, sources } = await load();
    return m.source(sources, slug);
  },
  async notesOnly(path, body) {
    const { m, index, sources } = await load();
    return m.notes_only(index, sources, path, body);
  },
};

self.onmessage = async ({ data: { id, op, args } }) => {
  try {
    self.postMessage({ id, result: await ops[op](...args) });
  } catch (e) {
    // The module's own errors are the file's problems, a line each.
    self.postMessage({ id, error: Array.isArray(e) ? e : ['invalid', args[0], String(e?.message ?? e)] });
  }
};
