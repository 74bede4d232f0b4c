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
}

const finders = new WeakMap<SearchIndex, Finder>();

/** Bodies this long are shingled alone: a copy under another headline is still a copy. */
const BODY_SHINGLES = 8;

/** The index's duplicate groups, brought up to date with the stories added since the last call. */
export function duplicateGroups(index: SearchIndex): DuplicateGroups {
  let f = finders.get(index);
  if (!f || f.groups.size > index.docs.length) {
    f = { groups: new DuplicateGroups(), termHash: [] };
    finders.set(index, f);
  }
  const { groups, termHash } = f;
  for (let t = termHash.length; t < index.terms.length; t++) {
    termHash.push(hashString(index.terms[t]!));
  }
  for (let d = groups.size; d < index.docs.length; d++) {
    const doc = index.docs[d]!;
    const body = doc.bodyTokens;
    // As the related index: a derived title is the lede again, so only a headline counts.
    const head = doc.titleDerived ? [] : Array.from(doc.titleTokens);
    const shingled = body.length >= BODY_SHINGLES ? Array.from(body) : [...head, ...body];
    groups.add(
      exactKey(head, body),
      minhashSignature(Uint32Array.from(shingled, (t) => termHash[t]!)),
    );
  }
  return groups;
}

/** Two 32-bit hashes and the length of the token ids: equal for equal folded texts. */
function exactKey(head: readonly number[], body: IntList): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  const mix = (t: number) => {
    h1 = Math.imul(h1 ^ t, 0x01000193);
    h2 = Math.imul(h2 ^ t, 0x5bd1e995) ^ (h2 >>> 15);
  };
  head.forEach(mix);
  body.forEach(mix);
  const n = head.length + body.length;
  return n === 0 ? '' : `${h1 >>> 0}.${h2 >>> 0}.${n}`;
}
