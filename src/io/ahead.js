// The page's side of notes fetched ahead (src/io/mod.rs, prefetch_notes):
// the latest, by address, each a promise of its text, or of nothing when it
// failed (the opening then fetches again). It never rejects: no one may
// ever await it. Once read, the text is also the promise's `text`, so that
// an episode opened then draws its notes in the click's own task.
const ahead = new Map();

// Fetches `url` (against <base href>) ahead, keeping the `kept` latest;
// not when it is fetched already, nor when the listener asked the browser
// to save data (Save-Data) or is on a 2G connection, where the browser
// says so (navigator.connection). Whether a download started.
export function fetchAhead(url, kept) {
  const c = navigator.connection;
  if (ahead.has(url) || (c && (c.saveData || /2g$/.test(c.effectiveType)))) return false;
  const text = fetch(url)
    .then((r) => (r.ok ? r.text() : undefined))
    .then((t) => (text.text = t), () => {});
  ahead.set(url, text);
  if (ahead.size > kept) ahead.delete(ahead.keys().next().value);
  return true;
}

// Takes the text fetched ahead from `url`, once read.
export function atHand(url) {
  const text = ahead.get(url)?.text;
  if (text !== undefined) ahead.delete(url);
  return text;
}

// Takes the fetch ahead of `url`, answered or on its way.
export function takeAhead(url) {
  const text = ahead.get(url);
  ahead.delete(url);
  return text;
}
