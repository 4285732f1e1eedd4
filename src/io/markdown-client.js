// The page's side of the Markdown module (src/bin/markdown.rs), which
// runs in its own worker (markdown-worker.js) so that reading a file never
// blocks the page. Only two paths load this file: the app, for notes the
// build did not publish (modules.js), and the authors' preview page
// (preview-page.js). Calls answer with the worker's result, or reject with the
// app's error form (`["status", code, url]`, `["network", reason]`,
// `["offline"]`, `["invalid", what, reason]`; see src/io/mod.rs).
import { loadModule, moduleFile } from './modules.js';

let worker;
let last = 0;
const waiting = new Map();

function failAll(error) {
  for (const { reject } of waiting.values()) reject(error);
  waiting.clear();
  worker = undefined; // the next call starts a new one: a retry
}

function call(op, ...args) {
  if (!worker) {
    const url = new URL('markdown-worker.js', document.baseURI);
    url.searchParams.set('module', moduleFile('markdown'));
    worker = new Worker(url, { type: 'module' });
    worker.onmessage = ({ data }) => {
      const call = waiting.get(data.id);
      waiting.delete(data.id);
      if ('error' in data) call?.reject(data.error);
      else call?.resolve(data.result);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      failAll(navigator.onLine === false ? ['offline'] : ['network', e.message || 'the Markdown module did not start']);
    };
  }
  const id = ++last;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, op, args });
  });
}

// The notes of the episode `slug`, rendered from its Markdown file as the
// build renders them, after a paragraph that says so: an HTML string.
export const notes = (slug) => call('notes', slug);

// An author's draft: the file at `path` (relative to the content folder)
// with the text `text`, read as the build would read it. See `read` in
// src/bin/markdown.rs.
export const read = (path, text) => call('read', path, text);

// A new episode's file, numbered `number` and dated `date` (YYYY-MM-DD),
// in the site's own front-matter keys.
export const template = (number, date) => call('template', number, date);

// `[path, address]` of the episode `slug`'s file, as the build published
// it (for tests).
export const source = (slug) => call('source', slug);

// The notes the build would write for that draft, exactly (for tests).
export const notesOnly = (path, text) => call('notesOnly', path, text);

// The preview tool (src/bin/preview.rs), drawn into `host`.
export async function startPreview(host) {
  (await loadModule('preview')).start(host, { read, template });
}
