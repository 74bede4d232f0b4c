import { ANALYSIS_VERSION } from '../entities/analysis-version.ts';
import { entityId, typeOfId } from '../entities/ids.ts';
import type { Entity, EntityType } from '../entities/types';
import type { RelatedHit } from '../related/related-query';
import type { Thread, Threads } from '../threads/build-threads';
import type { EntityTable, FolderTables } from './folder-tables';
import type { StoryRelated } from './story-related';
import { runSteps } from '../run-steps';

/**
 * The folder-wide tables in the compact form the build ships (`seeds-packs/tables-<hash>.gz`,
 * gzip JSON): the entity table, every story's related list with its reasons, the threads and the
 * duplicate groups the thread lists need. Stories and entities are referred to by their index in
 * `stories` and `entities`. The worker takes them only for the folder they were made from (the
 * manifest's fingerprint) and the same rules, model and parser (ANALYSIS_VERSION); anything that
 * does not decode is ignored, and the worker builds the tables itself.
 */
export const TABLES_FORMAT = 1;

type PackedHit = [
  story: number,
  score: number,
  entities: number[],
  terms: string[],
  phrases: string[],
];
type PackedRelated = [hits: PackedHit[], duplicates: number[], distinguishing: string[]] | null;
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
  /** Per story (as `stories`): its related list, or null when it has none to show. */
  related: PackedRelated[];
  threads: PackedThread[];
  /** Per story: the smallest story index of its duplicate group, or -1. */
  dupGroup: number[];
}

/** Scores only order the list, which is already ordered: four digits say enough. */
const TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

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
    related: stories.map((id) => {
      const r = relatedOf(id);
      if (!r) return null;
      const hits = r.related.map((h): PackedHit => [
        s(h.storyId),
        roundScore(h.score),
        h.sharedEntities.map(e),
        h.sharedTerms,
        h.sharedPhrases ?? [],
      ]);
      return [hits, r.duplicates.map(s), r.distinguishingTerms];
    }),
    threads: t.threads.threads.map((x) => [x.storyIds.map(s), s(x.central), x.entities.map(e)]),
    dupGroup: [...t.related.dupGroup],
  };
}

/**
 * An entity's stories in ascending story order, each as the gap from the previous index (the
 * first from -1, so every gap is ≥ 1) when the story mentions it once, else as the negative gap
 * followed by the count: most names are mentioned once in a story. The order the table gives
 * (most mentions first, then by id) is restored on decoding.
 */
function packStories(list: [index: number, count: number][]): number[] {
  const out: number[] = [];
  let last = -1;
  for (const [i, count] of [...list].sort((a, b) => a[0] - b[0])) {
    if (count === 1) out.push(i - last);
    else out.push(last - i, count);
    last = i;
  }
  return out;
}

function unpackStories(packed: number[], story: (i: number) => string): Entity['stories'] {
  const out: Entity['stories'] = [];
  let last = -1;
  for (let j = 0; j < packed.length; j++) {
    const gap = packed[j]!;
    if (!Number.isInteger(gap) || gap === 0) throw new Error('story gap');
    last += Math.abs(gap);
    const count = gap > 0 ? 1 : packed[++j]!;
    if (!Number.isInteger(count) || count < 1) throw new Error('story count');
    out.push({ storyId: story(last), count });
  }
  // As entity-table.ts orders them.
  return out.sort((x, y) => y.count - x.count || (x.storyId < y.storyId ? -1 : 1));
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
    const { related, dupGroup } = pack;
    if (related.length !== stories.length || dupGroup.length !== stories.length)
      throw new Error('lengths');
    return {
      table: { entities, remap: pack.remap },
      threads: { threads: threadList, threadOf },
      relatedOf(storyId) {
        const i = position.get(storyId);
        const r = i === undefined ? null : related[i];
        if (!r) return null;
        const [hits, duplicates, distinguishing] = r;
        try {
          return {
            related: hits.map(([other, score, names, terms, phrases]): RelatedHit => ({
              storyId: story(other),
              score,
              sharedEntities: names.map(entity),
              sharedTerms: terms,
              sharedPhrases: phrases,
            })),
            duplicates: duplicates.map(story),
            distinguishingTerms: distinguishing,
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
