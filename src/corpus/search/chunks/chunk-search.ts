import { parseQuery } from '../query-parser';
import {
  addWordScores,
  bm25Idf,
  DERIVED_TITLE_FACTOR,
  selectTop,
  TITLE_BOOST,
  type WordTotals,
} from '../ranking';
import type { Expansion } from '../term-expansion';
import type { ParsedQuery } from '../types';
import type { ChunkIndex, TermData } from './chunk-index';
import { chunkConstraints } from './chunk-constraints';
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
  const { score, matched, mask } = scoreWords(meta.stories, expansions, terms);
  for (const [d, bonus] of c.phraseBonus) score[d]! += bonus;
  const sel = selectTop({
    groupOf: (d) => meta.duplicateRoot[d]!,
    n: meta.stories,
    terms: q.terms.length,
    score,
    matched,
    mask,
    allowed: c.allowed,
    excluded: c.excluded,
    limit,
  });
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

/**
 * Per story: the sum over query words of the best expansion's weight × (idf × impact + title
 * bonus), as `scoreTerms` in ranking.ts computes it from tf and story lengths.
 */
function scoreWords(
  n: number,
  expansions: readonly Expansion[][],
  terms: ReadonlyMap<string, TermData | null>,
): WordTotals {
  const totals: WordTotals = {
    score: new Float64Array(n),
    matched: new Uint8Array(n),
    mask: new Int32Array(n),
  };
  const best = new Float64Array(n);
  const titleBonus = new Float64Array(n);
  expansions.forEach((exps, i) => {
    const touched: number[] = [];
    const raise = (d: number, c: number): void => {
      if (best[d] === 0) touched.push(d);
      if (c > best[d]!) best[d] = c;
    };
    for (const e of exps) {
      const t = terms.get(e.term);
      if (!t) continue;
      const w = bm25Idf(n, Math.max(t.df, t.titleDf)) * e.weight;
      for (const p of t.parts)
        p.titleDocs.forEach((d, k) => {
          titleBonus[d] = w * TITLE_BOOST * (p.titleDerived[k] ? DERIVED_TITLE_FACTOR : 1);
        });
      for (const p of t.parts)
        for (let k = 0; k < p.docs.length; k++) {
          const d = p.docs[k]!;
          raise(d, w * p.impacts[k]! + titleBonus[d]!);
        }
      for (const p of t.parts)
        for (const d of p.titleDocs) {
          raise(d, titleBonus[d]!);
          titleBonus[d] = 0;
        }
    }
    addWordScores(i, touched, best, totals);
  });
  return totals;
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
