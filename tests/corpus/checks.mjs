// Shared by the CI-only corpus checks: the episodes of a built site (every
// index part), and a counter of passed and failed checks.
import fs from 'node:fs';
import path from 'node:path';

export function readEpisodes(dir) {
  const head = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
  const episodes = [...head.episodes, ...(head.parts ?? []).flatMap((p) => JSON.parse(fs.readFileSync(path.join(dir, p), 'utf8')))];
  return { head, episodes };
}

export function checker() {
  const counts = { passed: 0, failed: 0 };
  const check = (ok, what) => {
    if (ok) counts.passed++;
    else {
      counts.failed++;
      console.error(`FAIL ${what}`);
    }
  };
  // Prints "N passed, N failed" and exits with the verdict.
  const finish = () => {
    console.log(`${counts.passed} passed, ${counts.failed} failed`);
    process.exit(counts.failed ? 1 : 0);
  };
  return { check, finish };
}
