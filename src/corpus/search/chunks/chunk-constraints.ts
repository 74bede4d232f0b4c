import { sectionMatches } from '../constraints';
import { bm25Idf, PHRASE_BOOST } from '../ranking';
import type { ParsedQuery } from '../types';
import { lowerBound } from '../vocabulary';
import type { ChunkIndex } from './chunk-index';
import type { ChunkMeta } from './meta';

/** What a query's filters, phrases and exclusions allow (see constraints.ts, which this mirrors). */
export interface ChunkConstraints {
  allowed: Set<number> | null;
  excluded: Set<number>;
  phraseBonus: Map<number, number>;
  notes: string[];
}

/**
 * Resolves the hard parts of a query on the chunks. Sections come from the meta file. A phrase
 * is checked on token positions (fetched only for its words), in titles and bodies. The chunks
 * carry no entity data, so `person:`/`place:`/`org:` match their words as a phrase, as the
 * in-memory engine does until its names are built.
 */
export async function chunkConstraints(
  index: ChunkIndex,
  meta: ChunkMeta,
  q: ParsedQuery,
): Promise<ChunkConstraints> {
  const c: ChunkConstraints = {
    allowed: null,
    excluded: new Set(),
    phraseBonus: new Map(),
    notes: [],
  };
  const restrict = (docs: Set<number>): void => {
    const prev = c.allowed;
    c.allowed = prev ? new Set([...docs].filter((d) => prev.has(d))) : docs;
  };
  // Every position list is fetched at once; the sets are then combined in the query's order.
  const [filters, phrases, excludes] = await Promise.all([
    Promise.all(
      q.filters.map((f) =>
        f.field === 'section' ? sectionDocs(meta, f.terms) : phraseDocs(index, f.terms),
      ),
    ),
    Promise.all(q.phrases.map((p) => phraseDocs(index, p))),
    Promise.all(
      q.excludes.map((x) => (x.length === 1 ? termDocs(index, x[0]!) : phraseDocs(index, x))),
    ),
  ]);
  q.filters.forEach((f, i) => {
    if (f.field !== 'section') {
      const key = f.field === 'organization' ? 'org' : f.field;
      c.notes.push(`no entity data yet: ${key}: matched as text`);
    }
    restrict(filters[i]!);
  });
  for (const [i, docs] of phrases.entries()) {
    restrict(docs);
    let bonus = 0;
    for (const t of q.phrases[i]!) {
      const data = await index.term(t);
      if (data) bonus += bm25Idf(meta.stories, Math.max(data.df, data.titleDf));
    }
    for (const d of docs) c.phraseBonus.set(d, (c.phraseBonus.get(d) ?? 0) + bonus * PHRASE_BOOST);
  }
  for (const docs of excludes) for (const d of docs) c.excluded.add(d);
  return c;
}

function sectionDocs(meta: ChunkMeta, terms: readonly string[]): Set<number> {
  const ok = meta.sections.map((s) => sectionMatches(s, terms));
  const out = new Set<number>();
  meta.sectionOf.forEach((s, d) => {
    if (s >= 0 && ok[s]) out.add(d);
  });
  return out;
}

async function termDocs(index: ChunkIndex, term: string): Promise<Set<number>> {
  const out = new Set<number>();
  // An exclusion must know every story that has the word: a common word's tail too.
  const data = await index.fullTerm(term);
  for (const p of data?.parts ?? []) {
    for (const d of p.docs) out.add(d);
    for (const d of p.titleDocs) out.add(d);
  }
  return out;
}

/**
 * Stories whose body or title has the words in a row: candidates from the first word's
 * postings, then each word's positions checked at the next offset.
 */
async function phraseDocs(index: ChunkIndex, words: readonly string[]): Promise<Set<number>> {
  const out = new Set<number>();
  if (words.length === 0) return out;
  const distinct = [...new Set(words)];
  const lists = await Promise.all(distinct.map((w) => index.positions(w)));
  if (lists.some((l) => l.length === 0)) return out;
  // Per word: story → positions, for bodies and for titles.
  const body = new Map<string, Map<number, Uint32Array>>();
  const title = new Map<string, Map<number, Uint32Array>>();
  distinct.forEach((w, i) => {
    const b = new Map<number, Uint32Array>();
    const t = new Map<number, Uint32Array>();
    for (const part of lists[i]!) {
      part.docs.forEach((d, j) => b.set(d, part.body[j]!));
      part.titleDocs.forEach((d, j) => t.set(d, part.title[j]!));
    }
    body.set(w, b);
    title.set(w, t);
  });
  const has = (at: Map<string, Map<number, Uint32Array>>, d: number): boolean => {
    const first = at.get(words[0]!)!.get(d);
    if (!first) return false;
    return first.some((start) =>
      words.every((w, k) => k === 0 || includesSorted(at.get(w)!.get(d), start + k)),
    );
  };
  for (const d of [...body.get(words[0]!)!.keys(), ...title.get(words[0]!)!.keys()])
    if (has(body, d) || has(title, d)) out.add(d);
  return out;
}

function includesSorted(list: Uint32Array | undefined, value: number): boolean {
  return list !== undefined && list[lowerBound(list, value)] === value;
}
