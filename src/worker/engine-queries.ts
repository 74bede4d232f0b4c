import { typeOfId } from '../corpus/entities/ids';
import type { Entity, EntityType } from '../corpus/entities/types';
import { addMentionSentence } from '../corpus/entities/mention-sentences';
import type { Story } from '../corpus/types';
import type { CorpusEngine } from './corpus-engine';
import type { FolderTable } from './corpus-tables';
import {
  CARD_STORIES,
  type EntityPageData,
  type EntitySummary,
  type StoryEntitiesResult,
  type StoryFilterResult,
} from './protocol';

/** Sentences listed per entity page; enough to read, bounded for entities in thousands of stories. */
const MAX_SENTENCES = 200;

/** The opened story's mentions (canonical ids) and a summary of each entity it names. */
export function storyEntities(engine: CorpusEngine, story: Story): StoryEntitiesResult {
  const a = engine.analyzeNow(story);
  // The folder's type wins over the story's ("Google" an organization, as most stories say).
  const mentions = a.mentions.map((m) => {
    const entityId = engine.canonical(m.entityId);
    return { ...m, entityId, type: typeOfId(entityId) };
  });
  const ids = [...new Set(mentions.map((m) => m.entityId))];
  const entities = ids.map((id) => {
    const e = summary(engine, id, mentions);
    return { ...e, stories: e.stories.slice(0, CARD_STORIES) };
  });
  return { storyId: story.id, mentions, entities };
}

/** An entity's row: the corpus table's once built, else what the analyses so far know. */
export function summary(
  engine: CorpusEngine,
  id: string,
  localMentions: { entityId: string; text: string; type: EntityType }[] = [],
): EntitySummary {
  const e = engine.entityById.get(id) ?? provisionalEntity(engine, id, localMentions);
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    storyCount: e.stories.length,
    mentionCount: e.mentionCount,
    stories: e.stories,
  };
}

function provisionalEntity(
  engine: CorpusEngine,
  id: string,
  localMentions: { entityId: string; text: string; type: EntityType }[],
  per = engine.storiesMentioning(id) ?? new Map<string, number>(),
): Entity {
  const stories = [...per]
    .map(([storyId, count]) => ({ storyId, count }))
    .sort((a, b) => b.count - a.count);
  const surfaces = localMentions.filter((m) => m.entityId === id).map((m) => m.text);
  if (surfaces.length === 0) {
    for (const { storyId } of stories.slice(0, 3)) {
      for (const m of engine.analyses.get(storyId)?.mentions ?? [])
        if (m.entityId === id) surfaces.push(m.text);
    }
  }
  const name =
    surfaces.reduce((best, s) => (s.length > best.length ? s : best), '') || id.split('/').pop()!;
  const type = (localMentions.find((m) => m.entityId === id)?.type ??
    id.split('/')[0]) as EntityType;
  return {
    id,
    name,
    type,
    aliases: [...new Set(surfaces.filter((s) => s !== name))],
    stories,
    mentionCount: stories.reduce((n, s) => n + s.count, 0),
  };
}

/** Everything the entity page shows: the entity, the sentences naming it, its companions. */
export function entityPage(engine: CorpusEngine, id: string): EntityPageData | null {
  // Once the entity table exists, storiesMentioning scans every analysis: look once, pass it on.
  const known = engine.entityById.get(id);
  const per = known ? undefined : engine.storiesMentioning(id);
  const base = known ?? (per ? provisionalEntity(engine, id, [], per) : null);
  if (!base) return null;
  const sentences: EntityPageData['sentences'] = [];
  const companions = new Map<string, number>();
  for (const { storyId } of base.stories) {
    const story = engine.stories.get(storyId);
    const analysis = engine.analyses.get(storyId);
    if (!story || !analysis) continue;
    const seen = new Set<string>();
    for (const m of analysis.mentions) {
      const mid = engine.canonical(m.entityId);
      if (mid !== id) {
        if (!seen.has(mid)) companions.set(mid, (companions.get(mid) ?? 0) + 1);
        seen.add(mid);
        continue;
      }
      if (sentences.length >= MAX_SENTENCES) continue;
      addMentionSentence(sentences, storyId, story.paragraphs, m);
    }
  }
  const cooccurring = [...companions]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 12)
    .map(([cid, stories]) => ({ entity: summary(engine, cid), stories }));
  return { entity: base, sentences, cooccurring };
}

/** Facets listed under the library's entity filter. */
const FACETS = 14;

const byStoryCache = new WeakMap<FolderTable, Map<string, string[]>>();

/**
 * Story id → the table's entities it names: the table's story lists turned round. The same sets
 * as the story's analysis under canonical ids, but whole before the folder's analyses are (the
 * build's table arrives before the files).
 */
function entitiesByStory(table: FolderTable): Map<string, string[]> {
  let out = byStoryCache.get(table);
  if (!out) {
    out = new Map();
    for (const e of table.entities) {
      for (const { storyId } of e.stories) {
        const list = out.get(storyId);
        if (list) list.push(e.id);
        else out.set(storyId, [e.id]);
      }
    }
    byStoryCache.set(table, out);
  }
  return out;
}

/** Stories that name all of `ids` (AND), with live counts of the other names in them. */
export function filterStories(engine: CorpusEngine, ids: string[]): StoryFilterResult {
  const storiesOf = (id: string): Set<string> => {
    const table = engine.entityById.get(id);
    if (table) return new Set(table.stories.map((s) => s.storyId));
    return new Set(engine.storiesMentioning(id)?.keys() ?? []);
  };
  const sets = ids.map(storiesOf);
  const matching = sets.length
    ? sets.reduce((a, b) => new Set([...a].filter((x) => b.has(x))))
    : null;
  const counts = new Map<string, number>();
  const named = engine.table ? entitiesByStory(engine.table) : null;
  const namesOf = (storyId: string): Iterable<string> => {
    if (named) return named.get(storyId) ?? [];
    const a = engine.analyses.get(storyId);
    return new Set(a?.mentions.map((m) => engine.canonical(m.entityId)));
  };
  // No table and no filter (the library while a folder loads): the counts are the mention
  // index's, not a scan of every analysis so far, which this query redid at every 500 analysed
  // (42 ms of the worker in one traced cold 10k visit, between the tables' request and their
  // decode, which waited for it).
  const known = !named && !ids.length ? engine.storyCounts() : null;
  if (known) for (const [id, n] of known) counts.set(id, n);
  else
    for (const storyId of matching ?? named?.keys() ?? engine.analyses.keys()) {
      for (const id of namesOf(storyId)) {
        if (!ids.includes(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
  const facets = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, FACETS)
    .map(([id, count]) => ({ entity: summary(engine, id), count }));
  return {
    storyIds: matching ? [...matching] : null,
    selected: ids.map((id) => summary(engine, id)),
    facets,
  };
}
