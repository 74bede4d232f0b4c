import { foldText } from '../normalize';
import { typeOfId } from './ids';
import type { Entity, StoryEntities } from './types';

interface Acc {
  id: string;
  surfaces: Map<string, number>;
  stories: Map<string, number>;
  mentionCount: number;
}

const HYPHEN_GIVEN = /^\p{Lu}\p{Ll}+[-‐]\p{Ll}+$/u;

/**
 * Merges per-story results into one table for the corpus. A story may know a person only by a
 * short form ("Putin", id 'person/putin'); when exactly one full name of the corpus ends with
 * that word (or starts with it, for Korean-style names) the short form joins that entity, and
 * `remap` says so. Ambiguous short forms stay entities of their own.
 *
 * A name the recognizer typed differently in a few stories joins the type the folder mostly
 * gives it ("Google" a place once, an organization 40 times): see `typeRemap`.
 */
export function buildEntityTable(analyses: StoryEntities[]): {
  entities: Entity[];
  remap: Record<string, string>;
} {
  const byId = new Map<string, Acc>();
  for (const a of analyses) {
    for (const m of a.mentions) {
      let acc = byId.get(m.entityId);
      if (!acc) {
        acc = { id: m.entityId, surfaces: new Map(), stories: new Map(), mentionCount: 0 };
        byId.set(m.entityId, acc);
      }
      acc.surfaces.set(m.text, (acc.surfaces.get(m.text) ?? 0) + 1);
      acc.stories.set(a.storyId, (acc.stories.get(a.storyId) ?? 0) + 1);
      acc.mentionCount++;
    }
  }

  const remap: Record<string, string> = {};
  for (const step of [shortFormRemap, typeRemap]) {
    for (const [from, to] of Object.entries(step(byId))) {
      const src = byId.get(from)!;
      const dst = byId.get(to)!;
      for (const [s, n] of src.surfaces) dst.surfaces.set(s, (dst.surfaces.get(s) ?? 0) + n);
      for (const [s, n] of src.stories) dst.stories.set(s, (dst.stories.get(s) ?? 0) + n);
      dst.mentionCount += src.mentionCount;
      byId.delete(from);
      // An earlier step's target may itself have moved ("person/x" → "person/y" → "org/y").
      for (const [k, v] of Object.entries(remap)) if (v === from) remap[k] = to;
      remap[from] = to;
    }
  }

  const entities = [...byId.values()].map(toEntity);
  entities.sort((x, y) => y.mentionCount - x.mentionCount || (x.id < y.id ? -1 : 1));
  return { entities, remap };
}

/** Single-word person ids that match exactly one multi-word person of the corpus. */
function shortFormRemap(byId: Map<string, Acc>): Record<string, string> {
  const keyed = new Map<string, Set<string>>();
  for (const acc of byId.values()) {
    if (typeOfId(acc.id) !== 'person') continue;
    for (const surface of acc.surfaces.keys()) {
      const words = surface.split(/\s+/u);
      if (words.length < 2) continue;
      const surnameFirst = words.slice(1).some((w) => HYPHEN_GIVEN.test(w));
      const key = foldText(surnameFirst ? words[0]! : words[words.length - 1]!);
      if (!keyed.has(key)) keyed.set(key, new Set());
      keyed.get(key)!.add(acc.id);
    }
  }
  const remap: Record<string, string> = {};
  for (const acc of byId.values()) {
    if (typeOfId(acc.id) !== 'person') continue;
    const surfaces = [...acc.surfaces.keys()];
    if (surfaces.some((s) => /\s/u.test(s))) continue;
    const targets = keyed.get(foldText(surfaces[0]!));
    if (targets?.size === 1) {
      const [to] = targets;
      if (to !== acc.id) remap[acc.id] = to!;
    }
  }
  return remap;
}

/** Share of a name's mentions one type must hold to take the others in. */
const TYPE_MAJORITY = 0.75;
/** …and at least this many mentions, so two stories cannot outvote one. */
const TYPE_MIN_MENTIONS = 3;

/**
 * Ids of one name under several types ("place/google", "organization/google"): the minority
 * types join the majority when it holds three quarters of the mentions. Balanced splits
 * ("Washington" the person and the place) stay apart.
 */
function typeRemap(byId: Map<string, Acc>): Record<string, string> {
  const bySlug = new Map<string, Acc[]>();
  for (const acc of byId.values()) {
    const slug = acc.id.slice(acc.id.indexOf('/') + 1);
    const list = bySlug.get(slug);
    if (list) list.push(acc);
    else bySlug.set(slug, [acc]);
  }
  const remap: Record<string, string> = {};
  for (const list of bySlug.values()) {
    if (list.length < 2) continue;
    const total = list.reduce((n, a) => n + a.mentionCount, 0);
    const top = list.reduce((x, y) => (y.mentionCount > x.mentionCount ? y : x));
    if (top.mentionCount < TYPE_MIN_MENTIONS || top.mentionCount < TYPE_MAJORITY * total) continue;
    for (const acc of list) if (acc !== top) remap[acc.id] = top.id;
  }
  return remap;
}

function toEntity(acc: Acc): Entity {
  // The name is the longest Latin-script surface (the full name), most frequent first on ties.
  const surfaces = [...acc.surfaces.entries()].sort(
    ([a, na], [b, nb]) => latin(b) - latin(a) || b.length - a.length || nb - na || (a < b ? -1 : 1),
  );
  const name = surfaces[0]![0];
  return {
    id: acc.id,
    name,
    type: typeOfId(acc.id),
    aliases: surfaces.slice(1).map(([s]) => s),
    stories: [...acc.stories.entries()]
      .map(([storyId, count]) => ({ storyId, count }))
      .sort((x, y) => y.count - x.count || (x.storyId < y.storyId ? -1 : 1)),
    mentionCount: acc.mentionCount,
  };
}

const latin = (s: string): number => (/\p{Script=Latin}/u.test(s) ? 1 : 0);
