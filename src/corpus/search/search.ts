import { applyConstraints } from './constraints';
import {
  entityDocs,
  entityLookupSteps,
  entityLookupReady,
  matchEntities,
  warmEntitySteps,
  type EntityMatch,
} from './entities';
import { highlightQuery } from './highlight';
import { NAME_SHARE, nameWords } from './name-query';
import { parseQuery } from './query-parser';
import { resetScratch, scoreTerms, selectTop, type Scored } from './ranking';
import { duplicateGroups, warmDuplicates } from './search-duplicates';
import { storyParagraphs } from './story-hits';
import { expandTerm, textVocabulary, type Expansion } from './term-expansion';
import { warmVocabularySteps } from './vocabulary';
import type {
  EntityHit,
  ParsedQuery,
  SearchIndex,
  SearchOptions,
  SearchResults,
  StoryHit,
} from './types';
import { runSteps } from '../run-steps';

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
    resetScratch();
    return { ...empty(q), notes: [`internal error: ${String(err)}`] };
  }
}

/**
 * Builds the runtime caches (sorted vocabulary, typo bigrams, duplicates, entity names) now, so the first
 * keystroke does not pay for them. Call after building the index and after `setEntities`.
 */
export function warmSearch(index: SearchIndex): void {
  runSteps(warmSearchSteps(index));
}

/**
 * `warmSearch` in steps (sorted vocabulary, its typo bigrams, duplicate groups, names), for callers
 * that answer requests in between: together they are ~0.1–0.4 s on BBC.
 */
export function* warmSearchSteps(index: SearchIndex): Generator<void, void> {
  // What every query needs first (the sorted vocabulary for the word being typed, the names
  // lookup for the names group), then the typo lists, which only a misspelt word needs.
  const v = textVocabulary(index);
  yield;
  yield* entityLookupSteps(index);
  yield;
  yield* warmVocabularySteps(v);
  // The lookup is built: its bigrams.
  yield* warmEntitySteps(index);
  while (!warmDuplicates(index, 200)) yield;
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

  const c = applyConstraints(index, q);
  out.notes.push(...c.notes);
  if (q.terms.length === 0 && c.allowed === null)
    return withEntities(index, q, out, opts, matchQueryEntities(index, q, opts));

  const { score, matched, mask } = scoreTerms(index, expansions);
  for (const [d, bonus] of c.phraseBonus) score[d]! += bonus;
  const entityMatches = matchQueryEntities(index, q, opts);
  entityBoost(index, entityMatches, score);
  const copies = duplicateGroups(index);
  const sel = selectTop({
    groupOf: (d) => copies.root(d),
    n,
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
  out.stories = sel.hits.map((h) => ({
    ...storyHit(index, q, h, expansions, out, perStory),
    duplicates: copies
      .membersOf(h.doc)
      .filter((d) => d !== h.doc)
      .map((d) => ({ storyId: index.docs[d]!.id, title: index.docs[d]!.title })),
  }));
  return withEntities(index, q, out, opts, entityMatches);
}

function storyHit(
  index: SearchIndex,
  q: ParsedQuery,
  h: Scored,
  expansions: readonly Expansion[][],
  out: SearchResults,
  perStory: number,
): Omit<StoryHit, 'duplicates'> {
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

/**
 * Entities whose names the query's words (phrase and filter words too) match, computed once per query for
 * both the entity group and entity-aware ranking.
 */
function matchQueryEntities(
  index: SearchIndex,
  q: ParsedQuery,
  opts: SearchOptions,
): EntityMatch[] {
  const words = nameWords(q);
  if (index.entities.length === 0 || words.length === 0) return [];
  if (opts.namesIfReady && !entityLookupReady(index)) return [];
  return matchEntities(index, words, { all: false, prefixLast: q.prefix });
}

/** Boosts stories of entities whose names the query spells out ("kim jong un"). */
function entityBoost(
  index: SearchIndex,
  matches: readonly EntityMatch[],
  score: Float64Array,
): void {
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
  matches: readonly EntityMatch[],
): SearchResults {
  const limit = Math.max(0, opts.entityLimit ?? 6);
  // Names that match only a small part of the query are noise beside one that matches it well:
  // "kim jong-un" offers Kim Jong-un and Kim Yo-jong, not "UN".
  const floor = (matches[0]?.score ?? 0) * NAME_SHARE;
  out.entities = matches
    .filter((m) => m.score >= floor)
    .slice(0, limit)
    .map((m): EntityHit => {
      const e = index.entities[m.entity]!;
      return {
        id: e.id,
        name: e.name,
        type: e.type,
        storyCount: entityDocs(index, m.entity).length,
        score: m.score,
        highlights: highlightQuery(e.name, q, out.expandedTerms),
      };
    });
  return out;
}
