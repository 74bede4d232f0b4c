import { DuplicateGroups, hashString, minhashSignature } from '../related/duplicates';
import type { IntList, SearchIndex } from './types';

/**
 * Exact and near-duplicate stories of a search index, so that search lists each story once and
 * names its copies, as the related sidebar does ("Also published as"). The groups are those of
 * the related index (`related/duplicates.ts`): the same tokens (the search tokenizer's terms are
 * the shared tokenizer's), hashed the same way, MinHash over the body, exact copies by their
 * folded text. They grow with the index, a document at a time, from its token ids: no text is
 * needed, so a cached index (stored without text) has them too.
 */
interface Finder {
  groups: DuplicateGroups;
  /** `hashString` of each term, by term id. */
  termHash: number[];
  /** Read back from a cache (no signatures): stories added later mean starting over. */
  restored: boolean;
}

const finders = new WeakMap<SearchIndex, Finder>();

const BODY_SHINGLES = 8;

/** The index's duplicate groups, brought up to date with the stories added since the last call. */
export function duplicateGroups(index: SearchIndex): DuplicateGroups {
  return catchUp(index, Infinity).groups;
}

/**
 * Brings the groups up to date by at most `stories` stories (~25 µs each); true when they are.
 * For callers that answer requests in between: all of BBC is ~0.1–0.9 s on a busy machine.
 */
export function warmDuplicates(index: SearchIndex, stories: number): boolean {
  return catchUp(index, stories).groups.size === index.docs.length;
}

/** The groups as a cache stores them: each story's group root (itself when it has no copy). */
export function duplicateRoots(index: SearchIndex): Int32Array {
  return duplicateGroups(index).roots();
}

/** Gives an index read back from a cache the groups stored with it (`duplicateRoots`). */
export function restoreDuplicates(index: SearchIndex, roots: Int32Array): void {
  if (roots.length !== index.docs.length) return;
  finders.set(index, {
    groups: DuplicateGroups.fromRoots(roots),
    termHash: [],
    restored: true,
  });
}

function catchUp(index: SearchIndex, stories: number): Finder {
  let f = finders.get(index);
  const n = index.docs.length;
  if (!f || f.groups.size > n || (f.restored && f.groups.size < n)) {
    f = { groups: new DuplicateGroups(), termHash: [], restored: false };
    finders.set(index, f);
  }
  const { groups, termHash } = f;
  if (groups.size === n) return f;
  for (let t = termHash.length; t < index.terms.length; t++) {
    termHash.push(hashString(index.terms[t]!));
  }
  let hashes = new Uint32Array(256);
  const end = Math.min(n, groups.size + stories);
  for (let d = groups.size; d < end; d++) {
    const doc = index.docs[d]!;
    const body = doc.bodyTokens;
    // As the related index: a derived title is the lede again, so only a headline counts.
    const head = doc.titleDerived ? NONE : doc.titleTokens;
    // Bodies this long are shingled alone: a copy under another headline is still a copy.
    const from = body.length >= BODY_SHINGLES ? head.length : 0;
    const size = head.length + body.length - from;
    if (hashes.length < size) hashes = new Uint32Array(size * 2);
    let k = 0;
    for (let i = from; i < head.length; i++) hashes[k++] = termHash[head[i]!]!;
    for (let i = 0; i < body.length; i++) hashes[k++] = termHash[body[i]!]!;
    groups.add(exactKey(head, body), minhashSignature(hashes.subarray(0, size)));
  }
  return f;
}

const NONE: IntList = [];

/** Two 32-bit hashes and the length of the token ids: equal for equal folded texts. */
function exactKey(head: IntList, body: IntList): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (const list of [head, body]) {
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      h1 = Math.imul(h1 ^ t, 0x01000193);
      h2 = Math.imul(h2 ^ t, 0x5bd1e995) ^ (h2 >>> 15);
    }
  }
  const n = head.length + body.length;
  return n === 0 ? '' : `${h1 >>> 0}.${h2 >>> 0}.${n}`;
}
