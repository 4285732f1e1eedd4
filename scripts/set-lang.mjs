// Writes the site's language (from index.json) into <html lang> of the app's
// pages, so that the page is in the right language before the app starts
// (screen readers, hyphenation) and the app can warm up its date formatter.
//   node scripts/set-lang.mjs SITE_DIR
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const { site } = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(site.language ?? '') ? site.language : 'en';
for (const page of ['index.html', '404.html']) {
  const file = path.join(dir, page);
  if (fs.existsSync(file)) fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/<html lang=("?)[^ >"]*\1/, `<html lang="${lang}"`));
}
