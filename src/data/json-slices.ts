// JSON.parse of a whole 4.6 MB snapshot holds the event loop for about 60 ms: too long for a server
// that swaps in refreshed data while it answers (issue 12: the longest request during a swap <= 50 ms).
// This parses the same JSON one member at a time, with the named members split one level further
// (the snapshot's `series`, one entry per indicator), and lets the event loop run between slices.
// The text is our own snapshot format, but the scanner is general JSON: strings (with escapes),
// nested objects and arrays, and primitives.

const QUOTE = 34;
const BACKSLASH = 92;

function skipSpace(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\n' || s[i] === '\r' || s[i] === '\t')) i++;
  return i;
}

/** Index just past the string starting at s[i] (a quote). */
function stringEnd(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const k = s.indexOf('"', j);
    if (k < 0) throw new SyntaxError(`unterminated string at ${i}`);
    let backslashes = 0;
    for (let m = k - 1; s.charCodeAt(m) === BACKSLASH; m--) backslashes++;
    if (backslashes % 2 === 0) return k + 1;
    j = k + 1;
  }
}

/** Index just past the JSON value starting at s[i]. */
export function valueEnd(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return stringEnd(s, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const ch = s.charCodeAt(j);
      if (ch === QUOTE) j = stringEnd(s, j) - 1;
      else if (ch === 123 || ch === 91) depth++;
      else if (ch === 125 || ch === 93) {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    throw new SyntaxError(`unterminated ${c} at ${i}`);
  }
  let j = i;
  while (j < s.length && !',}] \n\r\t'.includes(s[j])) j++;
  if (j === i) throw new SyntaxError(`unexpected ${JSON.stringify(c)} at ${i}`);
  return j;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The object at s[start], member by member; members named in `split` are objects read the same way
 * (their own members one by one). Never scans a split member in one go: finding where a 3.8 MB member
 * ends is itself a 30 ms loop. Returns the object and the index just past it.
 */
async function parseObject(
  s: string,
  start: number,
  split: readonly string[],
  maybeYield: () => Promise<void>,
): Promise<{ value: Record<string, unknown>; end: number }> {
  let i = skipSpace(s, start);
  if (s[i] !== '{') throw new SyntaxError(`expected an object at ${i}`);
  const value: Record<string, unknown> = {};
  i = skipSpace(s, i + 1);
  if (s[i] === '}') return { value, end: i + 1 };
  for (;;) {
    if (s[i] !== '"') throw new SyntaxError(`expected a key at ${i}`);
    const keyEnd = stringEnd(s, i);
    const key = JSON.parse(s.slice(i, keyEnd)) as string;
    i = skipSpace(s, keyEnd);
    if (s[i] !== ':') throw new SyntaxError(`expected ':' at ${i}`);
    const from = skipSpace(s, i + 1);
    let to: number;
    let member: unknown;
    if (split.includes(key) && s[from] === '{') {
      const inner = await parseObject(s, from, [], maybeYield);
      member = inner.value;
      to = inner.end;
    } else {
      to = valueEnd(s, from);
      member = JSON.parse(s.slice(from, to));
    }
    // An own property even for "__proto__", as JSON.parse makes it (plain assignment would set the prototype).
    Object.defineProperty(value, key, {
      value: member,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    await maybeYield();
    i = skipSpace(s, to);
    if (s[i] === '}') return { value, end: i + 1 };
    if (s[i] !== ',') throw new SyntaxError(`expected ',' or '}' at ${i}`);
    i = skipSpace(s, i + 1);
  }
}

/**
 * The same value as JSON.parse(text) for a top-level object, built member by member (and the members
 * named in `split`, member by member again), yielding to the event loop whenever `sliceMs` has passed.
 */
export async function parseInSlices<T = Record<string, unknown>>(
  text: string,
  split: readonly string[] = [],
  sliceMs = 8,
): Promise<T> {
  let sliceStart = performance.now();
  const maybeYield = async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await yieldToLoop();
    sliceStart = performance.now();
  };
  const { value, end } = await parseObject(text, 0, split, maybeYield);
  if (skipSpace(text, end) !== text.length)
    throw new SyntaxError(`unexpected text after the object at ${end}`);
  return value as T;
}
