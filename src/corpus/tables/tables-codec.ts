import { ANALYSIS_VERSION } from '../entities/analysis-version.ts';
import { entityId, typeOfId } from '../entities/ids.ts';
import type { Entity, EntityType } from '../entities/types';
import type { RelatedHit } from '../related/related-query';
import type { Thread, Threads } from '../threads/build-threads';
import type { EntityTable, FolderTables } from './folder-tables';
import type { StoryRelated } from './story-related';
import { runSteps } from '../run-steps.ts';

/**
 * The folder-wide tables in the compact form the build ships (`seeds-packs/tables-<hash>.gz`,
 * gzip JSON): the entity table, every story's related list with its reasons, the threads and the
 * duplicate groups the thread lists need. Stories and entities are referred to by their index in
 * `stories` and `entities`, the related lists' words by their index in `terms`. The worker takes
 * them only for the folder they were made from (the manifest's fingerprint) and the same rules,
 * model and parser (ANALYSIS_VERSION); anything that does not decode is ignored, and the worker
 * builds the tables itself.
 */
export const TABLES_FORMAT = 2;

/** Story and entity indexes; the terms and phrases are indexes into `TablesPack.terms`. */
type PackedHit = [
  story: number,
  score: number,
  entities: number[],
  terms: number[],
  phrases: number[],
];
type PackedRelated = [hits: PackedHit[], duplicates: number[], distinguishing: number[]];
type PackedThread = [stories: number[], central: number, entities: number[]];

export interface TablesPack {
  format: number;
  analysis: string;
  /** folderFingerprint of the manifest's files (src/corpus/fingerprint.ts). */
  fingerprint: string;
  /** Every story id, in the related index's (the folder's) order. */
  stories: string[];
  /**
   * [id, name, aliases, stories (see `packStories`)]; the mention count is their sum. The id is
   * the index of its type in TYPES when it is the id of its type and name (most are).
   */
  entities: [id: string | number, name: string, aliases: string[], stories: number[]][];
  remap: Record<string, string>;
  /**
   * Every word and phrase the related lists give as reasons, most used first: a list names
   * them by index (on the 10k folder 160,000 mentions of 23,000 strings; as strings the lists
   * were 2.9 MB of JSON, 869 KB gzip, as indexes 2.0 MB and 686 KB, and parse in a third of
   * the time).
   */
  terms: string[];
  /**
   * Per story (as `stories`): its related list as JSON (a `PackedRelated`, all numbers), or null
   * when it has none to show. Parsed when the story's list is asked for: as nested arrays the
   * 10k folder's lists made the pack's `JSON.parse` ~7 times slower (107 against 16 ms, Node),
   * for 0.2 % less gzip.
   */
  related: (string | null)[];
  threads: PackedThread[];
  /** Per story: the smallest story index of its duplicate group, or -1. */
  dupGroup: number[];
}

const TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

/** Scores only order the list, which is already ordered: four digits say enough. */
const roundScore = (x: number): number => Number(x.toPrecision(4));

/**
 * Packs the tables and every story's related list (`relatedOf`, the worker's own function).
 * Throws when the tables refer to a story or an entity they do not hold.
 */
export function encodeTables(
  t: FolderTables,
  fingerprint: string,
  relatedOf: (storyId: string) => StoryRelated | null,
): TablesPack {
  const stories = [...t.related.storyIds];
  const storyIndex = new Map(stories.map((id, i) => [id, i]));
  const entityIndex = new Map(t.table.entities.map((e, i) => [e.id, i]));
  const s = (id: string) => must(storyIndex.get(id), id);
  const e = (id: string) => must(entityIndex.get(id), id);
  const lists = stories.map(relatedOf);
  const terms = termList(lists);
  const termIndex = new Map(terms.map((x, i) => [x, i]));
  const w = (x: string) => must(termIndex.get(x), x);
  return {
    format: TABLES_FORMAT,
    analysis: ANALYSIS_VERSION,
    fingerprint,
    stories,
    entities: t.table.entities.map((x) => [
      entityId(x.type, x.name) === x.id ? TYPES.indexOf(x.type) : x.id,
      x.name,
      x.aliases,
      packStories(x.stories.map((r) => [s(r.storyId), r.count])),
    ]),
    remap: t.table.remap,
    terms,
    related: lists.map((r) => {
      if (!r) return null;
      const hits = r.related.map((h): PackedHit => [
        s(h.storyId),
        roundScore(h.score),
        h.sharedEntities.map(e),
        h.sharedTerms.map(w),
        (h.sharedPhrases ?? []).map(w),
      ]);
      const packed: PackedRelated = [hits, r.duplicates.map(s), r.distinguishingTerms.map(w)];
      return JSON.stringify(packed);
    }),
    threads: t.threads.threads.map((x) => [x.storyIds.map(s), s(x.central), x.entities.map(e)]),
    dupGroup: [...t.related.dupGroup],
  };
}

/** Every term and phrase of the lists, most used first (the smallest indexes for the commonest). */
function termList(lists: readonly (StoryRelated | null)[]): string[] {
  const uses = new Map<string, number>();
  const add = (x: string) => uses.set(x, (uses.get(x) ?? 0) + 1);
  for (const r of lists) {
    if (!r) continue;
    for (const h of r.related) {
      h.sharedTerms.forEach(add);
      h.sharedPhrases?.forEach(add);
    }
    r.distinguishingTerms.forEach(add);
  }
  return [...uses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([x]) => x);
}

/**
 * An entity's stories in the table's order (most mentions first), each as its index's distance
 * from the previous one (the first from -1), preceded by `0, count` wherever the mention count
 * changes (it starts at 1: most names are mentioned once in each story that has them). Kept in
 * the table's order, the list needs no sorting when decoded: sorting every list was a third of
 * the decode (10k folder: ~25 of ~75 ms in Node).
 */
function packStories(list: [index: number, count: number][]): number[] {
  const out: number[] = [];
  let last = -1;
  let count = 1;
  for (const [i, c] of list) {
    if (c !== count) out.push(0, (count = c));
    out.push(i - last);
    last = i;
  }
  return out;
}

function unpackStories(packed: number[], story: (i: number) => string): Entity['stories'] {
  const out: Entity['stories'] = [];
  let last = -1;
  let count = 1;
  for (let j = 0; j < packed.length; j++) {
    const step = packed[j]!;
    if (step === 0) {
      count = packed[++j]!;
      if (!Number.isInteger(count) || count < 1) throw new Error('story count');
      continue;
    }
    if (!Number.isInteger(step)) throw new Error('story step');
    last += step;
    out.push({ storyId: story(last), count });
  }
  return out;
}

function must(i: number | undefined, id: string): number {
  if (i === undefined) throw new Error(`tables: unknown id ${id}`);
  return i;
}

/** The shipped tables, as the worker answers from them. */
export interface ShippedTables {
  table: EntityTable;
  threads: Threads;
  /** A story's related list (decoded when asked), null when it has none or is unknown. */
  relatedOf(storyId: string): StoryRelated | null;
  /** The smallest story index of a story's duplicate group (-1: none, undefined: unknown). */
  copyGroup(storyId: string): number | undefined;
}

/**
 * The tables of a pack, or undefined when the pack was made for another folder (`fingerprint`),
 * by other rules, model or parser, in another format, or does not hold together.
 */
export function decodeTables(pack: TablesPack, fingerprint: string): ShippedTables | undefined {
  return runSteps(decodeTablesSteps(pack, fingerprint));
}

/** Entities decoded between two yields of `decodeTablesSteps`: a few ms. */
const STEP_ENTITIES = 250;

/**
 * `decodeTables` in steps, so the worker answers requests in between (BBC's 13,000 entities
 * were one block of ~60–100 ms in a cold worker: a deep link's names waited for it).
 */
export function* decodeTablesSteps(
  pack: TablesPack,
  fingerprint: string,
): Generator<void, ShippedTables | undefined> {
  if (
    !pack ||
    pack.format !== TABLES_FORMAT ||
    pack.analysis !== ANALYSIS_VERSION ||
    pack.fingerprint !== fingerprint
  )
    return undefined;
  try {
    const stories = pack.stories;
    const story = (i: number): string => {
      const id = stories[i];
      if (typeof id !== 'string') throw new Error('story index');
      return id;
    };
    const entities: Entity[] = [];
    for (const [packedId, name, aliases, packed] of pack.entities) {
      const id = typeof packedId === 'number' ? entityId(TYPES[packedId]!, name) : packedId;
      const list = unpackStories(packed, story);
      const mentionCount = list.reduce((n, r) => n + r.count, 0);
      entities.push({ id, name, type: typeOfId(id), aliases, stories: list, mentionCount });
      if (entities.length % STEP_ENTITIES === 0) yield;
    }
    const entity = (i: number): string => {
      const x = entities[i];
      if (!x) throw new Error('entity index');
      return x.id;
    };
    const threadList: Thread[] = pack.threads.map(([members, central, names]) => {
      const ids = members.map(story);
      return { id: ids[0]!, storyIds: ids, central: story(central), entities: names.map(entity) };
    });
    const threadOf: Record<string, number> = {};
    threadList.forEach((t, i) => t.storyIds.forEach((id) => (threadOf[id] = i)));
    const position = new Map(stories.map((id, i) => [id, i]));
    // Only these are kept (the closures below): the pack's entity rows can be let go.
    const { related, dupGroup, terms } = pack;
    if (related.length !== stories.length || dupGroup.length !== stories.length)
      throw new Error('lengths');
    if (!Array.isArray(terms)) throw new Error('terms');
    const term = (i: number): string => {
      const x = terms[i];
      if (typeof x !== 'string') throw new Error('term index');
      return x;
    };
    return {
      table: { entities, remap: pack.remap },
      threads: { threads: threadList, threadOf },
      relatedOf(storyId) {
        const i = position.get(storyId);
        const r = i === undefined ? null : related[i];
        if (!r) return null;
        try {
          const [hits, duplicates, distinguishing] = JSON.parse(r) as PackedRelated;
          return {
            related: hits.map(([other, score, names, words, phrases]): RelatedHit => ({
              storyId: story(other),
              score,
              sharedEntities: names.map(entity),
              sharedTerms: words.map(term),
              sharedPhrases: phrases.map(term),
            })),
            duplicates: duplicates.map(story),
            distinguishingTerms: distinguishing.map(term),
          };
        } catch {
          return null; // a list that does not decode is not shown
        }
      },
      copyGroup(storyId) {
        const i = position.get(storyId);
        return i === undefined ? undefined : dupGroup[i];
      },
    };
  } catch {
    return undefined;
  }
}
