// How the bench's scripts reduce and print their figures.

/** The median of `xs`: NaN for none. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Milliseconds as the tables print them; a measure not taken is said so, never 0. */
export const ms = (x) => (Number.isNaN(x) ? 'not measured' : `${x.toFixed(0)} ms`);

/** `n` and a noun, singular for one: `1 run`, `3 runs`. */
export const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
