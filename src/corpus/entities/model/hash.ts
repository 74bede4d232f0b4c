/**
 * 32-bit hashing for feature names. Features are never built as strings: a token's word, shape
 * and affixes are hashed once, and each feature is that hash mixed with its template's number,
 * so ~40 features a token cost integer multiplies, not string concatenation.
 */

/** FNV-1a over UTF-16 code units, finished with murmur3's avalanche. */
export function hashString(s: string): number {
  return hashRange(s, 0, s.length);
}

/** `hashString(s.slice(from, to))` without making the slice (affixes and trigrams). */
export function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Combines two 32-bit values into one (order matters). */
export function mix(a: number, b: number): number {
  return fmix(Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b);
}

function fmix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** FNV-1a over bytes, as 8 hex digits: the model file's version in cache keys. */
export function hashBytes(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (fmix(h) >>> 0).toString(16).padStart(8, '0');
}
