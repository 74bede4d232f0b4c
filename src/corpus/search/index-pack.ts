import { bodyPostings, titleDocs } from './search-index';
import type { EntityType, IndexedDoc, IntList, SearchEntity, SearchIndex } from './types';

const ENTITY_TYPES = new Set<string>(['person', 'place', 'organization'] satisfies EntityType[]);

/**
 * The search index in the shape it is cached in (IndexedDB): every integer list of the index in
 * one typed array, the vocabulary as one string. Reading ~30,000 small arrays back from
 * IndexedDB cost ~150 ms on the BBC folder; one typed array and a few strings read in a few ms,
 * which is what makes search usable within ~300 ms of a warm reload.
 */
export interface PackedIndex {
  version: 1;
  /** Each doc without its token lists (those are in `ints`). */
  docs: DocMeta[];
  /** Terms joined by '\n' (a folded term never contains one). */
  terms: string;
  termCount: number;
  totalBodyTokens: number;
  entities: SearchIndex['entities'];
  /**
   * All lists back to back: per doc title, body, paraStarts; then per term body and title
   * postings. 16-bit when every value fits (folders under 65,536 terms and stories: half the
   * bytes to read back), else 32-bit.
   */
  ints: Uint16Array | Uint32Array;
  /** Lengths of the lists in `ints`, in the same order. */
  lengths: Uint32Array;
}

/** A doc without its token lists: what the caches and the chunks keep beside the ints. */
export type DocMeta = Omit<IndexedDoc, 'titleTokens' | 'bodyTokens' | 'paraStarts'>;

export function docMeta({
  id,
  title,
  section,
  kind,
  titleDerived,
  paragraphs,
}: IndexedDoc): DocMeta {
  return { id, title, section, kind, titleDerived, paragraphs };
}

/** Flattens an index for the cache. The index itself is left untouched. */
export function packIndex(index: SearchIndex): PackedIndex {
  const lists: IntList[] = [];
  for (const d of index.docs) lists.push(d.titleTokens, d.bodyTokens, d.paraStarts);
  for (let t = 0; t < index.terms.length; t++) {
    lists.push(bodyPostings(index, t), titleDocs(index, t));
  }
  const lengths = new Uint32Array(lists.length);
  let total = 0;
  let max = 0;
  lists.forEach((l, i) => {
    lengths[i] = l.length;
    total += l.length;
    for (let k = 0; k < l.length; k++) if (l[k]! > max) max = l[k]!;
  });
  const ints = max < 0x10000 ? new Uint16Array(total) : new Uint32Array(total);
  let at = 0;
  for (const l of lists) {
    ints.set(l, at);
    at += l.length;
  }
  return {
    version: 1,
    docs: index.docs.map(docMeta),
    terms: index.terms.join('\n'),
    termCount: index.terms.length,
    totalBodyTokens: index.totalBodyTokens,
    entities: index.entities,
    ints,
    lengths,
  };
}

/**
 * The index back from its packed form, without copies: the docs' token lists are views into
 * `packed.ints`, the postings stay in it (`SearchIndex.packed`, offsets per term). Returns
 * undefined when the data is not a consistent packed index.
 */
export function unpackIndex(packed: PackedIndex): SearchIndex | undefined {
  const { docs, ints, lengths, termCount } = packed;
  const typed = ints instanceof Uint16Array || ints instanceof Uint32Array;
  if (packed.version !== 1 || !typed || !(lengths instanceof Uint32Array)) return undefined;
  if (lengths.length !== docs.length * 3 + termCount * 2) return undefined;
  const terms = termCount === 0 ? [] : packed.terms.split('\n');
  if (terms.length !== termCount) return undefined;
  let at = 0;
  let i = 0;
  // Most terms never occur in a title: their empty lists share one view (each view costs ~60
  // bytes of heap, whatever its length).
  const none = ints.subarray(0, 0);
  const next = (): Uint16Array | Uint32Array => {
    const len = lengths[i++]!;
    const view = len === 0 ? none : ints.subarray(at, at + len);
    at += len;
    return view;
  };
  const outDocs: IndexedDoc[] = docs.map((d) => ({
    ...d,
    titleTokens: next(),
    bodyTokens: next(),
    paraStarts: next(),
  }));
  const bodyStart = new Uint32Array(termCount + 1);
  const titleStart = new Uint32Array(termCount);
  // Body and title lists alternate in `ints`: each start is the end of the other kind's list.
  for (let t = 0; t < termCount; t++) {
    bodyStart[t] = at;
    at += lengths[i++]!;
    titleStart[t] = at;
    at += lengths[i++]!;
  }
  bodyStart[termCount] = at;
  if (at !== ints.length) return undefined;
  const index: SearchIndex = {
    version: 1,
    docs: outDocs,
    terms,
    postings: [],
    titlePostings: [],
    packed: { ints, bodyStart, titleStart },
    totalBodyTokens: packed.totalBodyTokens,
    entities: packed.entities,
  };
  return index;
}

/**
 * The same index with every integer list a view into one typed array (pack + unpack): about a
 * third of the heap of the plain arrays `addStories` grows (each of those carries its own header
 * and spare capacity). `addStories` still accepts the result: it copies the postings back first.
 */
export function compactIndex(index: SearchIndex): SearchIndex {
  if (index.packed) return index; // already (a warm reload's cached index)
  const compact = unpackIndex(packIndex(index));
  if (!compact) return index;
  // The same term strings, not the copies split from the packed vocabulary (~0.4 MB on BBC).
  compact.terms = index.terms;
  return compact;
}

/**
 * The index's entities as one JSON string, each story as its doc index where it has one, for the
 * cache: IndexedDB reads back ~13,000 entity objects and their ~33,000 story id strings (BBC) by
 * structured clone, a large part of a warm reload's read of the index, where one string and
 * `JSON.parse` cost a few ms. Story ids the index has no doc for are kept as strings.
 */
export function packEntities(index: SearchIndex): string {
  const docOf = new Map(index.docs.map((d, i) => [d.id, i]));
  return JSON.stringify(
    index.entities.map((e) => [
      e.id,
      e.name,
      e.type,
      e.aliases,
      e.storyIds.map((s) => docOf.get(s) ?? s),
    ]),
  );
}

/** `packEntities` back into the index's entities; undefined when the string is not that. */
export function unpackEntities(
  docs: readonly { id: string }[],
  packed: string,
): SearchEntity[] | undefined {
  let rows: unknown;
  try {
    rows = JSON.parse(packed);
  } catch {
    return undefined;
  }
  if (!Array.isArray(rows)) return undefined;
  const out: SearchEntity[] = [];
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row) || row.length !== 5) return undefined;
    const [id, name, type, aliases, stories] = row as unknown[];
    if (typeof id !== 'string' || typeof name !== 'string' || !ENTITY_TYPES.has(type as string))
      return undefined;
    if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')) return undefined;
    if (!Array.isArray(stories)) return undefined;
    const storyIds: string[] = [];
    for (const s of stories as unknown[]) {
      const sid = typeof s === 'number' ? docs[s]?.id : s;
      if (typeof sid !== 'string') return undefined;
      storyIds.push(sid);
    }
    out.push({ id, name, type: type as EntityType, aliases: aliases as string[], storyIds });
  }
  return out;
}
