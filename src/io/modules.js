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

async function load(name) {
  const listed = document.querySelector('meta[name="wasm-modules"]')?.content.split(/\s+/) ?? [];
  const file = listed.find((f) => f.startsWith(`${name}-`)) ?? name;
  const url = (path) => new URL(path, document.baseURI).href;
  const module = await import(url(`${file}.js`));
  await module.default({ module_or_path: url(`${file}_bg.wasm`) });
  return module;
}
