import { parseQuery } from '../query-parser';
import type { ParsedQuery } from '../types';
import type { ChunkIndex, TermData } from './chunk-index';
import { chunkConstraints } from './chunk-constraints';
import { rankChunks, type Ranked } from './chunk-rank';
import type { LoadRecord } from './chunk-store';
import type { Fragment } from './fragments';
import type { ChunkMeta } from './meta';

export interface ChunkHit {
  /** Story index in folder order (what the fragments and postings use). */
  doc: number;
  storyId: string;
  fragment: Fragment;
  score: number;
  matched: number;
  /** Query words this story lacks (only when the result is partial). */
  missing: string[];
  /** Copies of this story listed under it ("Also published as"), in folder order. */
  duplicates: { storyId: string; title: string }[];
}

export interface ChunkResults {
  query: ParsedQuery;
  hits: ChunkHit[];
  total: number;
  /**
   * True when `total` is a lower bound: the word being typed matched common words whose tails
   * (tiers.ts) were not needed for the top stories, and were not fetched just to count.
   */
  totalAtLeast: boolean;
  partial: boolean;
  expandedTerms: string[];
  notes: string[];
  /** The files this query fetched (not those earlier queries had fetched already). */
  loaded: LoadRecord[];
}

/**
 * Searches a chunked index: the in-memory engine's ranking (search.ts) on the data the chunks
 * hold. Words expand as there, stories score BM25 (from the quantized impacts) plus the title
 * boost, best expansion per word; all words are required, with the fallback to most words;
 * phrases, `-exclusions` and `section:` filters constrain; copies are listed once. What it
 * cannot do without entity data: the entity boost and `person:`/`place:`/`org:` as entities
 * (they are matched as text, as the in-memory engine does before its names are in). Never
 * throws on a query; a failed fetch rejects the promise.
 */
export async function chunkSearch(
  index: ChunkIndex,
  input: string,
  opts: { limit?: number } = {},
): Promise<ChunkResults> {
  const q = parseQuery(input);
  const limit = Math.max(0, opts.limit ?? 20);
  index.store.takeLog();
  const meta = await index.meta();
  const last = q.terms.length - 1;
  const expansions = await Promise.all(
    q.terms.map((t, i) => index.expand(t, q.prefix && i === last)),
  );
  const out: ChunkResults = {
    query: q,
    hits: [],
    total: 0,
    totalAtLeast: false,
    partial: false,
    expandedTerms: [...new Set(expansions.flat().map((e) => e.term))],
    notes: [],
    loaded: [],
  };
  const terms = new Map<string, TermData | null>();
  await Promise.all(out.expandedTerms.map(async (t) => terms.set(t, await index.term(t))));
  const c = await chunkConstraints(index, meta, q);
  out.notes.push(...c.notes);
  if (q.terms.length === 0 && c.allowed === null) {
    out.loaded = index.store.takeLog();
    return out;
  }
  const rank = (): Ranked | null => rankChunks({ meta, q, expansions, terms, c, limit });
  let ranked = rank();
  if (!ranked) {
    // The heads could not prove the answer: fetch the common terms' tails (tiers.ts).
    await Promise.all(
      out.expandedTerms.map(async (t) => {
        if (terms.get(t)?.tail) terms.set(t, await index.fullTerm(t));
      }),
    );
    ranked = rank()!;
  }
  const { sel } = ranked;
  out.totalAtLeast = ranked.totalAtLeast;
  out.partial = sel.partial;
  out.total = sel.total;
  const members = copiesOf(
    meta,
    sel.hits.map((h) => h.doc),
  );
  out.hits = await Promise.all(
    sel.hits.map(async (h): Promise<ChunkHit> => {
      const fragment = (await index.fragment(h.doc))!;
      const copies = await Promise.all(members.get(h.doc)!.map((d) => index.fragment(d)));
      return {
        doc: h.doc,
        storyId: fragment.id,
        fragment,
        score: h.score,
        matched: h.matched,
        missing: sel.partial ? q.terms.filter((_, i) => i >= 31 || !(h.mask & (1 << i))) : [],
        duplicates: copies.map((f) => ({ storyId: f!.id, title: f!.title })),
      };
    }),
  );
  out.loaded = index.store.takeLog();
  return out;
}

/** The other members of each hit's group of copies, in folder order. */
function copiesOf(meta: ChunkMeta, hits: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>(hits.map((d) => [d, []]));
  const roots = new Map<number, number>();
  for (const d of hits) roots.set(meta.duplicateRoot[d]!, d);
  meta.duplicateRoot.forEach((root, d) => {
    const hit = roots.get(root);
    if (hit !== undefined && hit !== d) out.get(hit)!.push(d);
  });
  return out;
}
