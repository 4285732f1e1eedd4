// The embeddable player's controls, for the embed pages the build writes
// (core::prerender::embed_page; see core::embed). The page plays with the
// browser's own audio controls; this swaps them for one row of play, seek,
// time and speed. It is the whole script of the page: nothing of the app
// loads in a frame on someone else's site.
const audio = document.querySelector('audio');
const controls = document.querySelector('.controls');
const [play, seek, time, speed] = ['.play', '.seek', '.time', '.speed'].map((s) => controls.querySelector(s));
const total = time.textContent.split(' / ')[1];
const speeds = [1, 1.25, 1.5, 2];

// `12:34` or `1:02:03`, as core::duration::format_clock writes times.
function clock(seconds) {
  const s = Math.floor(seconds || 0);
  const two = (n) => String(n).padStart(2, '0');
  const [h, m] = [Math.floor(s / 3600), Math.floor(s / 60) % 60];
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

function shown() {
  const playing = !audio.paused;
  play.textContent = playing ? '❚❚' : '▶';
  play.setAttribute('aria-label', playing ? controls.dataset.pause : controls.dataset.play);
}

audio.controls = false;
audio.hidden = true;
controls.hidden = false;
play.addEventListener('click', () => (audio.paused ? audio.play() : audio.pause()));
audio.addEventListener('play', shown);
audio.addEventListener('pause', shown);
audio.addEventListener('loadedmetadata', () => {
  if (Number.isFinite(audio.duration)) seek.max = String(Math.floor(audio.duration));
});
audio.addEventListener('timeupdate', () => {
  seek.value = String(Math.floor(audio.currentTime));
  time.textContent = `${clock(audio.currentTime)} / ${total}`;
});
seek.addEventListener('input', () => {
  audio.currentTime = Number(seek.value);
});
speed.addEventListener('click', () => {
  const next = speeds[(speeds.indexOf(audio.playbackRate) + 1) % speeds.length];
  audio.playbackRate = next;
  speed.querySelector('.rate').textContent = `${next}×`;
});
