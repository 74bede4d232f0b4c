/**
 * Sets of listing rows (an entity's stories, the archive's articles) as short strings: the rows
 * in ascending order, each as its gap from the one before, each gap as a varint in URL-safe
 * characters (5 bits a character; the second half of the alphabet says "more follows").
 *
 * Why not a JSON array of numbers: at 100,000 rows an index is ~6 characters with its comma, and
 * a gap as digits 2–6. Here a gap under 32 is one character, under 1,024 two, under 32,768
 * three: a story of an entity named every ~30 rows costs one byte, and the article list (gaps of
 * 1 + a story's briefs) a byte an article. The characters need no JSON escaping.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = new Map([...ALPHABET].map((c, i) => [c, i]));
/** Digits 0–31 end a number, 32–63 carry 5 bits and say another digit follows. */
const MORE = 32;

function pushVarint(out: string[], value: number): void {
  let v = value;
  while (v >= MORE) {
    out.push(ALPHABET[MORE + (v % MORE)]!);
    v = Math.floor(v / MORE);
  }
  out.push(ALPHABET[v]!);
}

/**
 * `rows` (ascending, distinct, non-negative integers) as a row-list string: the first row, then
 * each gap less one (gaps are at least 1). Throws on rows out of order, so a build never writes
 * a list that reads back as other rows.
 */
export function encodeRows(rows: readonly number[]): string {
  const out: string[] = [];
  let prev = -1;
  for (const row of rows) {
    if (!Number.isSafeInteger(row) || row <= prev)
      throw new Error(`rows must ascend: ${row} after ${prev}`);
    pushVarint(out, row - prev - 1);
    prev = row;
  }
  return out.join('');
}

/** The rows of a row-list string, or null when it is not one (a foreign or damaged file). */
export function decodeRows(code: string): number[] | null {
  const rows: number[] = [];
  let prev = -1;
  let value = 0;
  let scale = 1;
  for (const c of code) {
    const d = DIGIT.get(c);
    if (d === undefined) return null;
    if (d >= MORE) {
      value += (d - MORE) * scale;
      scale *= MORE;
      if (scale > 2 ** 40) return null;
      continue;
    }
    prev += value + d * scale + 1;
    rows.push(prev);
    value = 0;
    scale = 1;
  }
  // A code cut inside a number.
  return scale === 1 ? rows : null;
}

/** The rows of both sorted lists (an AND of two filters), ascending. */
export function intersectRows(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/** The rows of `[0, total)` not in the sorted list `rows` (briefs from the article list). */
export function complementRows(rows: readonly number[], total: number): number[] {
  const out: number[] = [];
  let j = 0;
  for (let r = 0; r < total; r++) {
    while (j < rows.length && rows[j]! < r) j++;
    if (rows[j] !== r) out.push(r);
  }
  return out;
}

/** The rows in every one of `lists` (filters ANDed), ascending: the shortest list first. */
export function intersectAll(lists: readonly (readonly number[])[]): number[] {
  const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  return rest.reduce<number[]>((acc, l) => intersectRows(acc, l), first ? [...first] : []);
}

/**
 * The row `delta` places from `from` among `rows` (ascending) that `accept` lets through, or
 * null at either end. `from` need not be in `rows` (a story opened with a filter it is not in):
 * the step starts where it would be.
 */
export function stepRows(
  rows: readonly number[],
  from: number,
  delta: 1 | -1,
  accept: (row: number) => boolean = () => true,
): number | null {
  // The first index whose row is ≥ from.
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  let i = delta > 0 ? (rows[lo] === from ? lo + 1 : lo) : lo - 1;
  for (; i >= 0 && i < rows.length; i += delta) if (accept(rows[i]!)) return rows[i]!;
  return null;
}

/** Whether `row` is in the ascending list `rows`. */
export function hasRow(rows: readonly number[], row: number): boolean {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]! < row) lo = mid + 1;
    else hi = mid;
  }
  return rows[lo] === row;
}
