// Indexes the transcripts of a built site with Pagefind's Node API, apart
// from the episode pages: SITE/transcript-records.json (a paragraph per
// record, written by the indexer's prerender step; see
// core::search::TRANSCRIPT_RECORDS) becomes SITE/pagefind-transcripts/,
// and the list itself is removed, as it is not part of the site.
//   node scripts/search-transcripts.mjs SITE
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

const site = process.argv[2];
const list = path.join(site, 'transcript-records.json');
const out = path.join(site, 'pagefind-transcripts');
fs.rmSync(out, { recursive: true, force: true });
if (fs.existsSync(list)) {
  const records = JSON.parse(fs.readFileSync(list, 'utf8'));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  for (const record of records) {
    const { errors } = await index.addCustomRecord(record);
    if (errors.length) throw new Error(`pagefind, ${record.url}: ${errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  // The app draws its own results.
  for (const f of fs.readdirSync(out)) {
    if (/^pagefind-(.*ui\..*|highlight\.js)$/.test(f)) fs.rmSync(path.join(out, f));
  }
  fs.rmSync(list);
  await pagefind.close();
  console.error(`indexed ${records.length} transcript paragraph(s) into ${out}`);
}
