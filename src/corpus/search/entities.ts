import { fastTokenize } from './fast-tokenize';
import { typoAllowance } from './edit-distance';
import { runSteps } from '../run-steps';
import {
  createVocabulary,
  prefixMatches,
  typoMatches,
  warmVocabularySteps,
  type Vocabulary,
} from './vocabulary';
import type { EntityType, QueryFilter, SearchEntity, SearchIndex } from './types';

/**
 * Entity data arrives after the text index (it is computed in the background). This module
 * attaches it, resolves `person:` / `place:` / `org:` filters and finds the entities whose names
 * match the query, all over a small vocabulary of the entities' name tokens.
 */
interface EntityRuntime {
  vocab: Vocabulary;
  /** Name-term id → indexes of the entities with a name or alias containing it. */
  byTerm: number[][];
  /** Per entity, per name variant (name first, then aliases): the variant's term ids. */
  variants: number[][][];
  /** Per entity: indexes of its stories in `index.docs`. */
  docs: number[][];
}

const runtimes = new WeakMap<SearchIndex, EntityRuntime>();
/** A lookup being built in steps (`entityLookupSteps`), for the entities it was started for. */
const building = new WeakMap<
  SearchIndex,
  { entities: SearchIndex['entities']; steps: Generator<void, EntityRuntime> }
>();
/** Entities per step of the lookup's build: BBC's ~13,000 in one go were a 60–250 ms task. */
const ENTITIES_PER_STEP = 1000;

/**
 * Attaches entities (replacing earlier ones) to an index built from text. Used for the entity
 * result group, for entity-aware ranking and for the person:/place:/org: filters.
 */
export function setEntities(index: SearchIndex, entities: readonly SearchEntity[]): void {
  index.entities = entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: [...e.aliases],
    storyIds: [...e.storyIds],
  }));
  runtimes.delete(index);
  building.delete(index);
}

/**
 * Builds the entity name lookup now rather than on the first query, in steps (the lookup, then
 * its bigrams a slice at a time).
 */
export function* warmEntitySteps(index: SearchIndex): Generator<void, void> {
  if (index.entities.length === 0) return;
  yield* entityLookupSteps(index);
  yield;
  yield* warmVocabularySteps(runtime(index).vocab);
}

/**
 * The names lookup alone, ENTITIES_PER_STEP entities a step (a request waits for one step, not
 * for the whole lookup). A query that needs it meanwhile finishes it where the steps left it.
 */
export function* entityLookupSteps(index: SearchIndex): Generator<void, void> {
  if (index.entities.length === 0 || entityLookupReady(index)) return;
  yield* lookupBuild(index);
}

/** Whether the names lookup is built (a query that needs it then pays nothing for it). */
export function entityLookupReady(index: SearchIndex): boolean {
  return runtimes.get(index)?.docs.length === index.entities.length;
}

function runtime(index: SearchIndex): EntityRuntime {
  const cached = runtimes.get(index);
  if (cached && cached.docs.length === index.entities.length) return cached;
  return runSteps(lookupBuild(index));
}

/** The build under way for the index's current entities, else a new one. */
function lookupBuild(index: SearchIndex): Generator<void, EntityRuntime> {
  const under = building.get(index);
  if (under?.entities === index.entities) return under.steps;
  const steps = buildRuntime(index);
  building.set(index, { entities: index.entities, steps });
  return steps;
}

function* buildRuntime(index: SearchIndex): Generator<void, EntityRuntime> {
  const { entities } = index;
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const byTerm: number[][] = [];
  const docOf = new Map(index.docs.map((d, i) => [d.id, i]));
  const variants: number[][][] = [];
  const docs: number[][] = [];
  for (let ei = 0; ei < entities.length; ei++) {
    if (ei > 0 && ei % ENTITIES_PER_STEP === 0) yield;
    const e = entities[ei]!;
    variants.push(
      [e.name, ...e.aliases].map((name) =>
        fastTokenize(name).map((t) => {
          let id = ids.get(t.term);
          if (id === undefined) {
            id = terms.length;
            ids.set(t.term, id);
            terms.push(t.term);
            byTerm.push([]);
          }
          const list = byTerm[id]!;
          if (list[list.length - 1] !== ei) list.push(ei);
          return id;
        }),
      ),
    );
    docs.push(
      e.storyIds
        .map((s) => docOf.get(s))
        .filter((d): d is number => d !== undefined)
        .slice(),
    );
  }
  yield;
  // Exact-size copies (see above): ~12,000 entities' lists otherwise keep their spare capacity.
  for (let i = 0; i < byTerm.length; i++) byTerm[i] = byTerm[i]!.slice();
  const vocab = createVocabulary(terms, (id) => byTerm[id]!.length);
  const rt = { vocab, byTerm, variants, docs };
  runtimes.set(index, rt);
  building.delete(index);
  return rt;
}

/** Name-term ids a query word matches, with a weight (exact 1, completion 0.8, typo 0.6). */
function nameTermMatches(
  rt: EntityRuntime,
  word: string,
  allowPrefix: boolean,
): Map<number, number> {
  const out = new Map<number, number>();
  const exact = rt.vocab.sorted.length ? findExact(rt.vocab, word) : -1;
  if (exact >= 0) out.set(exact, 1);
  if (allowPrefix && word.length >= 2) {
    for (const id of prefixMatches(rt.vocab, word, word.length < 3 ? 10 : 40)) out.set(id, 0.8);
  }
  if (out.size === 0) {
    for (const m of typoMatches(rt.vocab, word, typoAllowance(word.length))) out.set(m.id, 0.6);
  }
  return out;
}

function findExact(v: Vocabulary, word: string): number {
  let lo = 0;
  let hi = v.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v.sorted[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return v.sorted[lo] === word ? v.sortedIds[lo]! : -1;
}

export interface EntityMatch {
  entity: number;
  /** Weighted share of the best name variant's words the query covers, times query coverage. */
  score: number;
  /** Best variant fully covered by the query words. */
  complete: boolean;
}

/**
 * Entities whose name (or an alias) contains the given words. With `all`, every word must be in
 * the same variant (filters); otherwise any word counts and coverage ranks (the entity group).
 */
export function matchEntities(
  index: SearchIndex,
  words: readonly string[],
  opts: { all: boolean; prefixLast: boolean; type?: EntityType },
): EntityMatch[] {
  if (index.entities.length === 0 || words.length === 0) return [];
  const rt = runtime(index);
  const perWord = words.map((w, i) =>
    nameTermMatches(rt, w, opts.all || (opts.prefixLast && i === words.length - 1)),
  );
  const candidates = new Set<number>();
  for (const m of perWord)
    for (const id of m.keys()) for (const e of rt.byTerm[id]!) candidates.add(e);
  const out: EntityMatch[] = [];
  for (const e of candidates) {
    if (opts.type && index.entities[e]!.type !== opts.type) continue;
    let best: EntityMatch | null = null;
    for (const variant of rt.variants[e]!) {
      if (variant.length === 0) continue;
      let sum = 0;
      let covered = 0;
      for (const m of perWord) {
        let w = 0;
        for (const id of variant) w = Math.max(w, m.get(id) ?? 0);
        if (w > 0) covered++;
        sum += w;
      }
      if (opts.all && covered < perWord.length) continue;
      if (covered === 0) continue;
      const nameCover = Math.min(1, covered / variant.length);
      // Filters only care how well the words matched; the entity group also prefers names the
      // query covers entirely ("putin" → "Putin" before "Vladimir Putin Jr.").
      const score = (sum / perWord.length) * (opts.all ? 1 : 0.5 + 0.5 * nameCover);
      const complete = covered >= variant.length;
      if (!best || score > best.score) best = { entity: e, score, complete };
    }
    if (best) out.push(best);
  }
  return out.sort(
    (a, b) => b.score - a.score || rt.docs[b.entity]!.length - rt.docs[a.entity]!.length,
  );
}

/** Doc indexes of an entity's stories. */
export function entityDocs(index: SearchIndex, entity: number): number[] {
  return runtime(index).docs[entity] ?? [];
}

/**
 * Doc indexes allowed by an entity filter: the stories of the best-matching entities of that
 * type (exact name words beat completions and typos), plus those of entities of another type
 * whose name the value spells out exactly. Null when no entity data is attached yet or nothing
 * matches (the recognizer missed the name): callers then match the value as text.
 */
export function resolveEntityFilter(index: SearchIndex, filter: QueryFilter): Set<number> | null {
  if (index.entities.length === 0 || filter.field === 'section') return null;
  const matches = matchEntities(index, filter.terms, { all: true, prefixLast: true });
  const sameType = matches.filter((m) => index.entities[m.entity]!.type === filter.field);
  const out = new Set<number>();
  const top = sameType[0]?.score ?? 0;
  // Keep every entity as good as the best (all the Kims for `person:kim`), not weaker variants.
  for (const m of sameType) {
    if (m.score < top - 1e-9) break;
    for (const d of entityDocs(index, m.entity)) out.add(d);
  }
  // Types are the recognizer's guess ("Qwest" the person): a name spelled out exactly counts
  // whatever type it was given.
  for (const m of matches) {
    if (m.complete && m.score >= 1 && index.entities[m.entity]!.type !== filter.field) {
      for (const d of entityDocs(index, m.entity)) out.add(d);
    }
  }
  return out.size > 0 ? out : null;
}
