import { foldText } from '../normalize';
import { boundedEditDistance } from './edit-distance';
import { entityDocs, matchEntities, resolveEntityFilter } from './entities';
import { highlightQuery } from './highlight';
import { parseQuery } from './query-parser';
import { phraseDocs, phraseScore, scoreTerms, termDocs, type Scored } from './ranking';
import { termIdOf } from './search-index';
import { storyParagraphs } from './story-hits';
import { expandTerm, type Expansion } from './term-expansion';
import type {
  EntityHit,
  ParsedQuery,
  SearchIndex,
  SearchOptions,
  SearchResults,
  StoryHit,
} from './types';

/** Extra score for stories of an entity whose name the query spells out. */
const ENTITY_BOOST = 2;

/**
 * Searches the index: AND over the query words (falling back to "most words matched" when no
 * story has them all, flagged `partial`), phrases and filters as hard constraints, excluded words
 * removed; ranked by BM25 with title, entity, phrase and exactness boosts. Also returns the
 * entities whose names match. Never throws: on an internal error it returns no hits and a note.
 */
export function search(
  index: SearchIndex,
  query: string | ParsedQuery,
  opts: SearchOptions = {},
): SearchResults {
  const q = typeof query === 'string' ? parseQuery(query) : query;
  try {
    return run(index, q, opts);
  } catch (err) {
    return { ...empty(q), notes: [`internal error: ${String(err)}`] };
  }
}

function empty(q: ParsedQuery): SearchResults {
  return {
    query: q,
    stories: [],
    entities: [],
    total: 0,
    partial: false,
    expandedTerms: [],
    notes: [],
  };
}

function run(index: SearchIndex, q: ParsedQuery, opts: SearchOptions): SearchResults {
  const limit = Math.max(0, opts.limit ?? 20);
  const perStory = Math.max(0, opts.paragraphsPerStory ?? 3);
  const out = empty(q);
  const n = index.docs.length;
  const lastIndex = q.terms.length - 1;
  const expansions: Expansion[][] = q.terms.map((t, i) =>
    expandTerm(index, t, q.prefix && i === lastIndex),
  );
  const expanded = new Set<string>();
  for (const exps of expansions) for (const e of exps) expanded.add(e.term);
  out.expandedTerms = [...expanded];

  // Hard constraints: filters, phrases, exclusions.
  let allowed: Set<number> | null = null;
  const restrict = (docs: Set<number>): void => {
    allowed = allowed ? new Set([...docs].filter((d) => allowed!.has(d))) : docs;
  };
  for (const f of q.filters) {
    if (f.field === 'section') restrict(sectionDocs(index, f.terms));
    else {
      const docs = resolveEntityFilter(index, f);
      if (docs) restrict(docs);
      else {
        const key = f.field === 'organization' ? 'org' : f.field;
        out.notes.push(
          index.entities.length === 0
            ? `no entity data yet: ${key}: matched as text`
            : `no ${f.field} named "${f.value}": ${key}: matched as text`,
        );
        restrict(
          phraseDocs(
            index,
            f.terms.map((t) => termIdOf(index, t)),
          ),
        );
      }
    }
  }
  const phraseBonus = new Float64Array(n);
  for (const p of q.phrases) {
    const ids = p.map((t) => termIdOf(index, t));
    const docs = phraseDocs(index, ids);
    restrict(docs);
    const bonus = phraseScore(
      index,
      ids.filter((id): id is number => id !== undefined),
    );
    for (const d of docs) phraseBonus[d]! += bonus;
  }
  const excluded = new Set<number>();
  for (const x of q.excludes) {
    const ids = x.map((t) => termIdOf(index, t));
    if (ids.length === 1) {
      if (ids[0] !== undefined) termDocs(index, ids[0], excluded);
    } else for (const d of phraseDocs(index, ids)) excluded.add(d);
  }
  const hasConstraint = q.filters.length > 0 || q.phrases.length > 0;
  if (q.terms.length === 0 && !hasConstraint) return withEntities(index, q, out, opts);

  const { score, matched, mask } = scoreTerms(index, expansions);
  entityBoost(index, q, score);
  const ok = (d: number): boolean =>
    !excluded.has(d) && (allowed === null || (allowed as Set<number>).has(d));
  const pool: Scored[] = [];
  const consider = (d: number): void => {
    if (ok(d))
      pool.push({
        doc: d,
        score: score[d]! + phraseBonus[d]!,
        matched: matched[d]!,
        mask: mask[d]!,
      });
  };
  if (q.terms.length === 0) {
    for (const d of allowed ?? []) consider(d);
  } else {
    for (let d = 0; d < n; d++) if (matched[d]! > 0) consider(d);
  }
  const full = pool.filter((s) => s.matched === q.terms.length);
  let hits = full;
  if (full.length === 0 && pool.length > 0) {
    hits = pool;
    out.partial = true;
  }
  hits.sort((a, b) => b.matched - a.matched || b.score - a.score || a.doc - b.doc);
  out.total = hits.length;
  out.stories = hits.slice(0, limit).map((h) => storyHit(index, q, h, expansions, out, perStory));
  return withEntities(index, q, out, opts);
}

function storyHit(
  index: SearchIndex,
  q: ParsedQuery,
  h: Scored,
  expansions: readonly Expansion[][],
  out: SearchResults,
  perStory: number,
): StoryHit {
  const doc = index.docs[h.doc]!;
  const missing = out.partial ? q.terms.filter((_, i) => i >= 31 || !(h.mask & (1 << i))) : [];
  const paragraphs = storyParagraphs(index, h.doc, q, expansions, out.expandedTerms, perStory);
  return {
    storyId: doc.id,
    title: doc.title,
    section: doc.section,
    kind: doc.kind,
    score: h.score,
    matched: h.matched,
    missing,
    titleHighlights: highlightQuery(doc.title, q, out.expandedTerms),
    snippet: paragraphs[0] ?? null,
    paragraphs: paragraphs.filter((s) => s.highlights.length > 0).slice(0, perStory),
  };
}

/** Stories whose section matches the filter value: exactly, as a prefix, or within one typo. */
function sectionDocs(index: SearchIndex, terms: readonly string[]): Set<number> {
  const value = terms.join(' ');
  const out = new Set<number>();
  index.docs.forEach((d, i) => {
    const s = d.section === null ? '' : foldText(d.section);
    if (s && (s.startsWith(value) || boundedEditDistance(s, value, 1) <= 1)) out.add(i);
  });
  return out;
}

/** Boosts stories of entities whose names the query words cover ("kim jong un"). */
function entityBoost(index: SearchIndex, q: ParsedQuery, score: Float64Array): void {
  if (index.entities.length === 0 || q.terms.length === 0) return;
  const matches = matchEntities(index, q.terms, { all: false, prefixLast: q.prefix });
  for (const m of matches.slice(0, 8)) {
    if (!m.complete) continue;
    for (const d of entityDocs(index, m.entity))
      if (score[d]! > 0) score[d]! += ENTITY_BOOST * m.score;
  }
}

function withEntities(
  index: SearchIndex,
  q: ParsedQuery,
  out: SearchResults,
  opts: SearchOptions,
): SearchResults {
  const words = [...q.terms, ...q.phrases.flat()];
  if (index.entities.length === 0 || words.length === 0) return out;
  const limit = Math.max(0, opts.entityLimit ?? 6);
  const hits: EntityHit[] = [];
  for (const m of matchEntities(index, words, { all: false, prefixLast: q.prefix })) {
    if (hits.length >= limit) break;
    const e = index.entities[m.entity]!;
    hits.push({
      id: e.id,
      name: e.name,
      type: e.type,
      storyCount: entityDocs(index, m.entity).length,
      score: m.score,
      highlights: highlightQuery(e.name, q, out.expandedTerms),
    });
  }
  out.entities = hits;
  return out;
}
