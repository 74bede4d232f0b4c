import { decodeStory, type FileAnalysisCode } from '../entities/analysis-codec.ts';
import { typeOfId } from '../entities/ids.ts';
import type { Entity, Mention } from '../entities/types';
import type { ShippedTables } from '../tables/tables-codec';
import type { ManifestFile, Story } from '../types';
import {
  ARCHIVE_FORMAT,
  groupCount,
  sideGroupOf,
  type SideEntity,
  type SideFile,
  type SideGroup,
} from './archive-format.ts';
import { threadCopies } from './thread-groups.ts';

/** What the side groups are cut from: the build's names and tables, and the listing's order. */
export interface SideInput {
  files: readonly ManifestFile[];
  /** The build's analysis of a content hash (undefined or null: none). */
  codeOf: (hash: string) => FileAnalysisCode | null | undefined;
  /** ANALYSIS_VERSION of those codes. */
  analysis: string;
  tables: ShippedTables | null;
  /** Every story's row in the listing, and its title there. */
  rows: ReadonlyMap<string, { row: number; title: string }>;
  /** A file's stories (ids only are read), in file order. */
  storyIdsOf: (fileId: string) => readonly string[];
}

/**
 * Every file's side data, cut into `groupCount(files)` groups by `sideGroupOf`. Each group holds
 * what its files' story views refer to: the entities their names and related lists name, and the
 * titles of the stories they link to. Generated one group at
 * a time, so the caller can write each and let it go.
 */
export function* sideGroups(input: SideInput): Generator<{ n: number; group: SideGroup }> {
  const count = groupCount(input.files.length);
  const members: ManifestFile[][] = Array.from({ length: count }, () => []);
  for (const f of input.files) members[sideGroupOf(f.id, count)]!.push(f);
  const byId = new Map<string, Entity>();
  for (const e of input.tables?.table.entities ?? []) byId.set(e.id, e);
  const remapAll = input.tables?.table.remap ?? {};
  // A thread's copies are the same for each of its stories: found once per thread, not once per
  // story (a thread of n stories cost n² lookups).
  const copiesOf = new Map<number, [string, string][]>();
  const threadCopiesAt = (at: number, thread: readonly string[]) => {
    let copies = copiesOf.get(at);
    if (!copies) {
      copies = [...threadCopies(thread, (id) => input.tables?.copyGroup(id))];
      copiesOf.set(at, copies);
    }
    return copies;
  };
  for (let n = 0; n < count; n++) {
    const group: SideGroup = {
      format: ARCHIVE_FORMAT,
      analysis: input.analysis,
      files: {},
      remap: {},
      entities: {},
      titles: {},
    };
    const title = (id: string) => {
      const t = input.rows.get(id)?.title;
      if (t !== undefined) group.titles[id] = t;
    };
    // A thread's titles, once per group: each of its stories in the group named them all again
    // (a thread of n stories, n² lookups). Titles set again kept their place, so the bytes are
    // the same.
    const titledThreads = new Set<number>();
    const entity = (id: string) => {
      const e = byId.get(id);
      if (!e || group.entities[id]) return;
      const side: SideEntity = {
        name: e.name,
        aliases: e.aliases,
        storyCount: e.stories.length,
        mentionCount: e.mentionCount,
      };
      group.entities[id] = side;
    };
    for (const f of members[n]!) {
      const names = input.codeOf(f.hash) ?? null;
      const side: SideFile = { file: f, names, stories: {} };
      for (const id of new Set(names?.ids ?? [])) {
        const canonical = remapAll[id] ?? id;
        if (canonical !== id) group.remap[id] = canonical;
        entity(canonical);
      }
      for (const storyId of input.storyIdsOf(f.id)) {
        const row = input.rows.get(storyId)?.row ?? -1;
        const related = input.tables?.relatedOf(storyId) ?? null;
        const t = input.tables?.threads;
        const at = t?.threadOf[storyId];
        const thread = at === undefined ? null : (t?.threads[at]?.storyIds ?? null);
        const copies = thread && threadCopiesAt(at!, thread);
        side.stories[storyId] = {
          row,
          related,
          thread,
          ...(copies?.length && { threadCopies: copies }),
        };
        for (const h of related?.related ?? []) {
          title(h.storyId);
          h.sharedEntities.forEach(entity);
        }
        related?.duplicates.forEach(title);
        if (thread && !titledThreads.has(at!)) {
          titledThreads.add(at!);
          thread.forEach(title);
        }
      }
      group.files[f.id] = side;
    }
    yield { n, group };
  }
}

/**
 * An opened story's mentions from its side group: its code (the file's k-th story for brief
 * `~k`, 0 for the main story) decoded against the parsed story, ids made canonical as the worker
 * makes them (`storyEntities`). Undefined when the group's analysis is of another content
 * (`hash`: the text fetched is not the one analysed) or does not fit the story: the story then
 * shows no names rather than wrong ones.
 */
export function sideMentions(
  group: SideGroup,
  file: { id: string; hash: string },
  story: Story,
): Mention[] | undefined {
  const side = group.files[file.id];
  if (!side?.names || side.file.hash !== file.hash) return undefined;
  const k = story.id === file.id ? 0 : Number(/~(\d+)$/u.exec(story.id)?.[1] ?? NaN);
  const code = side.names.stories[k];
  const decoded = code && decodeStory(code, side.names.ids, story);
  if (!decoded) return undefined;
  // The folder's type wins over the story's, as in the worker.
  return decoded.mentions.map((m) => {
    const entityId = group.remap[m.entityId] ?? m.entityId;
    return { ...m, entityId, type: typeOfId(entityId) };
  });
}
