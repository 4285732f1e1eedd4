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

// Fetched once, each tried again after a failure.
const once = (make) => {
  let kept;
  return () =>
    (kept ??= make().catch((e) => {
      kept = undefined;
      throw e;
    }));
};

// The module itself.
const module = once(async () => {
  try {
    const m = await import(new URL(`${file}.js`, base).href);
    await m.default({ module_or_path: new URL(`${file}_bg.wasm`, base).href });
    return m;
  } catch (e) {
    throw unreached(e);
  }
});

// The site's index, and the name of the sources file it gives (its
// `site.sources`): none for a site that publishes no episode file
// (`publish_sources: false`), or one built before there were any.
const siteIndex = once(async () => {
  const index = await text('index.json');
  return { index, name: JSON.parse(index).site?.sources };
});

// The module, the index and the sources. Without sources a draft is read
// all the same.
const load = once(async () => {
  const [m, { index: site, name }] = await Promise.all([module(), siteIndex()]);
  return { m, index: site, sources: name ? await text(name) : '{}' };
});

const ops = {
  async notes(slug) {
    // Nothing to render from: not found, without loading the module.
    if (!(await siteIndex()).name) throw ['status', 404, `notes/${slug}.html`];
    const { m, index: site, sources } = await load();
    const found = m.source(sources, slug);
    if (!found) throw ['status', 404, `notes/${slug}.html`];
    const [path, url] = found;
    return m.notes(site, sources, path, await text(url));
  },
  async read(path, body) {
    const { m, index: site, sources } = await load();
    return m.read(site, sources, path, body);
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
    const { m, index: site, sources } = await load();
    return m.notes_only(site, sources, path, body);
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
