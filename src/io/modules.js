// The page's side of src/io/modules.rs: loads one of the site's other wasm
// modules, each a wasm-bindgen ES module and its wasm. scripts/post-build
// names them by a hash of their content, so a page never pairs with another
// build's module, and lists them in the shell's <meta name="wasm-modules">.
const loading = new Map();

export function loadModule(name) {
  if (!loading.has(name)) {
    const module = load(name).catch((error) => {
      // A failed load is tried again on the next call (a retry).
      loading.delete(name);
      throw error;
    });
    // A caller may stop waiting (its other download failed first): the
    // failure is still theirs to show, not an unhandled rejection.
    module.catch(() => {});
    loading.set(name, module);
  }
  return loading.get(name);
}

// The file name of the module `name`, without its extension, as the page
// lists it.
export function moduleFile(name) {
  const listed = document.querySelector('meta[name="wasm-modules"]')?.content.split(/\s+/) ?? [];
  return listed.find((f) => f.startsWith(`${name}-`)) ?? name;
}

async function load(name) {
  const file = moduleFile(name);
  const url = (path) => new URL(path, document.baseURI).href;
  const module = await import(url(`${file}.js`));
  await module.default({ module_or_path: url(`${file}_bg.wasm`) });
  return module;
}

// Notes the build did not publish, rendered from the episode's Markdown by
// the Markdown module in its worker (markdown-client.js, which the build copies
// beside this file; loaded only then).
export async function markdownNotes(slug) {
  const markdown = await import(new URL('markdown-client.js', document.baseURI).href);
  return markdown.notes(slug);
}
