#!/usr/bin/env node
// Shortens the names a wasm module and its wasm-bindgen JS glue call each
// other by, as Emscripten's release builds do: `__wbg_setTimeout_a60d…`
// becomes `a`. The names are random hashes that gzip cannot shrink, and
// each is written twice, in the wasm and in the glue: about 6 KB gzip of
// the app's download.
//
//   node scripts/minify-wasm-names.mjs NAME.js NAME_bg.wasm
//
// Binaryen's wasm-opt renames the wasm's imports and exports, and merges
// the modules it imports from into one (`--minify-imports-and-exports-and-
// modules`), and prints the mapping. This rewrites the glue to match,
// before it is minified: the keys of the glue's own import object, which
// becomes the one module; the other modules' imports (snippets), added to
// it by their new names; and every `wasm.export`. A name it cannot find
// in the glue fails the build instead of shipping a module that would not
// start.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const [jsPath, wasmPath] = process.argv.slice(2);
if (!jsPath || !wasmPath) {
  console.error('usage: minify-wasm-names.mjs NAME.js NAME_bg.wasm');
  process.exit(2);
}

// The features wasm-bindgen's output uses; wasm-opt must be told to read them.
const features = [
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
];
const minified = `${wasmPath}.min`;
const { imports, exports } = JSON.parse(
  execFileSync('wasm-opt', [...features, '--minify-imports-and-exports-and-modules', wasmPath, '-o', minified], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  }),
);

let js = readFileSync(jsPath, 'utf8');
const fail = (why) => {
  console.error(`minify-wasm-names: ${jsPath}: ${why}`);
  process.exit(1);
};
const quote = JSON.stringify;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const replaceOnce = (pattern, by, what) => {
  let found = 0;
  js = js.replace(pattern, (...m) => {
    found += 1;
    return by(...m);
  });
  if (found !== 1) fail(`${what} found ${found} times, not once`);
};

// The one module the wasm now imports from.
const merged = [...new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(minified))).map((i) => i.module))];
if (merged.length !== 1) fail(`the wasm imports from ${merged.length} modules, not one`);

// The glue hands the wasm one import object per module:
// `return { __proto__: null, "./NAME_bg.js": import0, "./snippets/…": import1 }`,
// the first a literal in the glue, the others module namespaces.
const modules = new Map();
for (const [module, from, to] of imports) {
  if (!modules.has(module)) modules.set(module, []);
  modules.get(module).push([from, to]);
}
const objects = new Map();
for (const module of modules.keys()) {
  const entry = new RegExp(`^\\s+${escape(quote(module))}: (\\w+),?\\n`, 'm');
  const name = js.match(entry)?.[1] ?? fail(`no import object for ${module}`);
  objects.set(module, name);
  js = js.replace(entry, '');
}
const own = [...objects.values()].find((name) => js.includes(`const ${name} = {\n`));
if (!own) fail('no import object written in the glue');
const borrowed = [];
for (const [module, names] of modules) {
  const object = objects.get(module);
  for (const [from, to] of names) {
    if (object === own) {
      replaceOnce(new RegExp(`^(\\s+)${escape(from)}:`, 'gm'), (_, indent) => `${indent}${quote(to)}:`, `import ${from}`);
    } else {
      borrowed.push(`${quote(to)}: ${object}[${quote(from)}]`);
    }
  }
}
replaceOnce(
  new RegExp(`(const ${own} = \\{\\n\\s+__proto__: null,\\n)`, 'g'),
  (start) => start + borrowed.map((entry) => `        ${entry},\n`).join(''),
  'the start of the import object',
);
replaceOnce(
  /(return \{\n\s+__proto__: null,\n)/g,
  (start) => `${start}        ${quote(merged[0])}: ${own},\n`,
  'the imports handed to the wasm',
);
for (const [from, to] of exports) {
  js = js.replace(new RegExp(`\\bwasm\\.${escape(from)}\\b`, 'g'), `wasm[${quote(to)}]`);
}
// Every export is renamed, so the glue must reach none by a name any more:
// one reached another way would fail only when called.
const unmapped = [...new Set(js.match(/\bwasm\.[A-Za-z_$][\w$]*/g) ?? [])];
if (unmapped.length) fail(`the glue still calls ${unmapped.join(', ')} by name`);
if (/\bexports\./.test(js.replace(/\bwasm = instance\.exports;/, ''))) fail('the glue reaches the exports another way');

writeFileSync(jsPath, js);
execFileSync('mv', [minified, wasmPath]);
