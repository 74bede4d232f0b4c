import { fastTokenize } from './fast-tokenize';
import type { Story } from '../types';
import type { IndexedDoc, IntList, SearchIndex } from './types';

/**
 * Runtime lookup from term to term id. Kept beside the plain index (a WeakMap) rather than in it,
 * so the index itself stays JSON- and clone-friendly; `termIdOf` rebuilds it after a clone.
 */
const termMaps = new WeakMap<SearchIndex, Map<string, number>>();

/** Ids already indexed, so adding a folder in batches of 25 stays linear. */
const knownIds = new WeakMap<SearchIndex, Set<string>>();

/** Listeners that drop derived caches (sorted vocabulary, n-grams) when an index grows. */
const changeListeners: Array<(index: SearchIndex) => void> = [];

/** Lets other modules of the engine invalidate their caches when `addStories` grows an index. */
export function onIndexChange(listener: (index: SearchIndex) => void): void {
  changeListeners.push(listener);
}

/** An empty index, to be filled with `addStories`. */
export function createSearchIndex(): SearchIndex {
  return {
    version: 1,
    docs: [],
    terms: [],
    postings: [],
    titlePostings: [],
    totalBodyTokens: 0,
    entities: [],
  };
}

/**
 * Builds the inverted index of a folder's stories: one postings list per distinct folded term
 * (body term frequencies and, separately, title occurrences) and each story's token ids, which
 * serve phrases, paragraph sub-results and snippets. Linear in the text; ~0.3 s for 5 MB.
 */
export function buildSearchIndex(stories: readonly Story[]): SearchIndex {
  const index = createSearchIndex();
  addStories(index, stories);
  return index;
}

/**
 * Appends stories to an index (the folder loads progressively). Stories whose id is already
 * indexed are skipped: a story's text never changes under the same id.
 */
export function addStories(index: SearchIndex, stories: readonly Story[]): void {
  // Built on the first new story only: text put back into a cached index needs no term ids
  // (building the map for BBC's ~30k terms was 10-20 ms of a warm reload's first files).
  let ids: Map<string, number> | null = null;
  let known = knownIds.get(index);
  if (!known || known.size !== index.docs.length) {
    known = new Set(index.docs.map((d) => d.id));
    knownIds.set(index, known);
  }
  const idOf = (term: string): number => {
    ids ??= termIdMap(index);
    let id = ids.get(term);
    if (id === undefined) {
      id = index.terms.length;
      ids.set(term, id);
      index.terms.push(term);
      index.postings.push([]);
      index.titlePostings.push([]);
    }
    return id;
  };
  // A packed index (index-pack.ts) holds its postings in one typed array: back to plain arrays
  // before the first push. Only happens when a story missing from a packed index arrives.
  if (stories.some((s) => !known.has(s.id))) thawPostings(index);
  // Term frequencies of one story, reused across stories to avoid allocating a Map each time.
  const tf = new Map<number, number>();
  let added = false;
  for (const story of stories) {
    if (known.has(story.id)) {
      fillText(index, story);
      continue;
    }
    known.add(story.id);
    added = true;
    const docIndex = index.docs.length;
    const titleText = story.kicker ? `${story.title} ${story.kicker}` : story.title;
    const titleTokens = fastTokenize(titleText).map((t) => idOf(t.term));
    const bodyTokens: number[] = [];
    const paraStarts: number[] = [];
    for (const p of story.paragraphs) {
      paraStarts.push(bodyTokens.length);
      for (const t of fastTokenize(p)) bodyTokens.push(idOf(t.term));
    }
    tf.clear();
    for (const id of bodyTokens) tf.set(id, (tf.get(id) ?? 0) + 1);
    for (const [id, count] of tf) (index.postings[id] as number[]).push(docIndex, count);
    for (const id of new Set(titleTokens)) (index.titlePostings[id] as number[]).push(docIndex);
    index.totalBodyTokens += bodyTokens.length;
    const doc: IndexedDoc = {
      id: story.id,
      title: story.title,
      section: story.section,
      kind: story.kind,
      titleDerived: story.titleDerived,
      paragraphs: story.paragraphs,
      titleTokens,
      bodyTokens,
      paraStarts,
    };
    index.docs.push(doc);
  }
  // Text put back into a cached index changes no term or count: its caches stay valid (a warm
  // reload otherwise rebuilt the vocabulary after every batch of 25 stories).
  if (added) for (const l of changeListeners) l(index);
}

/** Docs by story id, for `fillText` (built once per index, on the first text to fill). */
const docsById = new WeakMap<SearchIndex, Map<string, IndexedDoc>>();

/**
 * The cached index is stored without its text (the parsed files carry it, and a warm reload
 * reads them anyway): a doc read back from the cache gets its paragraphs when its story arrives.
 * Until then its hits have no snippet.
 */
function fillText(index: SearchIndex, story: Story): void {
  if (story.paragraphs.length === 0) return;
  let byId = docsById.get(index);
  if (!byId) docsById.set(index, (byId = new Map(index.docs.map((d) => [d.id, d]))));
  const doc = byId.get(story.id);
  if (doc && doc.paragraphs.length === 0) doc.paragraphs = story.paragraphs;
}

function thawPostings(index: SearchIndex): void {
  if (!index.packed) return;
  const thaw = (l: IntList): number[] => (Array.isArray(l) ? l : Array.from(l));
  const postings: number[][] = [];
  const titlePostings: number[][] = [];
  for (let t = 0; t < index.terms.length; t++) {
    postings.push(thaw(bodyPostings(index, t)));
    titlePostings.push(thaw(titleDocs(index, t)));
  }
  index.postings = postings;
  index.titlePostings = titlePostings;
  delete index.packed;
}

const NONE: IntList = [];

/** Body postings of a term (flat `[docIndex, termFrequency, …]` pairs); empty when unknown. */
export function bodyPostings(index: SearchIndex, termId: number): IntList {
  const p = index.packed;
  if (!p) return index.postings[termId] ?? NONE;
  if (!(termId >= 0 && termId < p.titleStart.length)) return NONE;
  return p.ints.subarray(p.bodyStart[termId]!, p.titleStart[termId]!);
}

/** Doc indexes whose title contains the term (ascending); empty when unknown. */
export function titleDocs(index: SearchIndex, termId: number): IntList {
  const p = index.packed;
  if (!p) return index.titlePostings[termId] ?? NONE;
  if (!(termId >= 0 && termId < p.titleStart.length)) return NONE;
  return p.ints.subarray(p.titleStart[termId]!, p.bodyStart[termId + 1]!);
}

/** Number of stories whose title contains the term. */
export function titleFrequency(index: SearchIndex, termId: number): number {
  const p = index.packed;
  if (!p) return index.titlePostings[termId]?.length ?? 0;
  if (!(termId >= 0 && termId < p.titleStart.length)) return 0;
  return p.bodyStart[termId + 1]! - p.titleStart[termId]!;
}

/** Term id of a folded term, or undefined when the corpus never uses it. */
export function termIdOf(index: SearchIndex, term: string): number | undefined {
  return termIdMap(index).get(term);
}

function termIdMap(index: SearchIndex): Map<string, number> {
  let map = termMaps.get(index);
  if (!map || map.size !== index.terms.length) {
    map = new Map();
    for (let i = 0; i < index.terms.length; i++) map.set(index.terms[i]!, i);
    termMaps.set(index, map);
  }
  return map;
}

/** Number of stories whose body contains the term. */
export function docFrequency(index: SearchIndex, termId: number): number {
  const p = index.packed;
  if (!p) return (index.postings[termId]?.length ?? 0) / 2;
  if (!(termId >= 0 && termId < p.titleStart.length)) return 0;
  return (p.titleStart[termId]! - p.bodyStart[termId]!) / 2;
}

/** Serializes an index for a cache (IndexedDB, a file): it is plain data already. */
export function indexToJSON(index: SearchIndex): string {
  return JSON.stringify(index);
}

/** Reads an index serialized by `indexToJSON`; throws on data of another version. */
export function indexFromJSON(json: string): SearchIndex {
  const data = JSON.parse(json) as SearchIndex;
  if (data?.version !== 1 || !Array.isArray(data.docs) || !Array.isArray(data.terms)) {
    throw new Error('Not a search index of version 1');
  }
  return data;
}
