import type { StoryEntities } from '../corpus/entities/types';
import { isBinaryFile } from '../corpus/parse-file';
import type { Story } from '../corpus/types';
import { countMentions, countStoriesMentioning } from './corpus-tables';
import { writeCachedAnalyses } from './entity-cache';
import { knownAnalyses, type PrebuiltNames } from './prebuilt-names';
import type { FileEntry } from './protocol';

/**
 * The entity analyses of the folder's stories, as the corpus engine collects them (from the
 * build's packs, the cache or the recognizer), with the mention counts provisional entities
 * need, and the cache writes of files whose stories are all analysed.
 * IMPORTANT: runs inside the worker.
 */
export class AnalysisStore {
  readonly analyses = new Map<string, StoryEntities>();
  /** Files whose analyses came from IndexedDB, and from the build. */
  cachedFiles = 0;
  builtFiles = 0;
  /** Files still being looked up in the build's packs and the cache: the folder build waits. */
  lookups = 0;
  /**
   * entity id → story id → mention count, grown as analyses arrive while there is no entity table
   * (provisional entities need it on every request). Dropped once the table is built (1.5 MB on
   * BBC): the table answers for its entities, `storiesMentioning` scans the analyses for others.
   */
  private mentionIndex: Map<string, Map<string, number>> | null = new Map();
  /** file id → [content hash, ...its story ids]: written to the cache once all are analysed. */
  private pendingWrites = new Map<string, string[]>();

  constructor(readonly names: PrebuiltNames) {}

  get size(): number {
    return this.analyses.size;
  }

  get(storyId: string): StoryEntities | undefined {
    return this.analyses.get(storyId);
  }

  has(storyId: string): boolean {
    return this.analyses.has(storyId);
  }

  record(a: StoryEntities): void {
    if (this.analyses.has(a.storyId)) return;
    this.analyses.set(a.storyId, a);
    if (this.mentionIndex) countMentions(this.mentionIndex, a);
  }

  /**
   * Takes new files' analyses from the build's packs, else IndexedDB, and returns the stories
   * still to analyse (a file changed since the build, a folder without one).
   */
  async takeStored(entries: FileEntry[]): Promise<Story[]> {
    this.lookups += entries.length;
    try {
      const { found, built } = await knownAnalyses(entries, this.names);
      const { toAnalyse, fromCache } = this.takeFiles(entries, found);
      this.builtFiles += built;
      this.cachedFiles += fromCache - built;
      return toAnalyse;
    } finally {
      this.lookups -= entries.length;
    }
  }

  /**
   * The opened story's analysis, known already or shipped by the build for this content (its
   * pack may still be on the way): false when it is neither and must be analysed.
   */
  async takeBuiltStory(story: Story, hash: string): Promise<boolean> {
    const a = this.analyses.get(story.id) ?? (await this.names.story(story, hash));
    if (a) this.record(a);
    return a !== undefined;
  }

  /**
   * Takes new files' cached analyses (`cached[i]` for `entries[i]`, from entity-cache.ts) and
   * returns the stories still to analyse; their analyses are cached once complete.
   */
  takeFiles(
    entries: FileEntry[],
    cached: (StoryEntities[] | undefined)[],
  ): { toAnalyse: Story[]; fromCache: number } {
    const toAnalyse: Story[] = [];
    let fromCache = 0;
    entries.forEach((e, i) => {
      const hit = cached[i];
      if (hit && hit.length === e.file.stories.length) {
        fromCache++;
        // IMPORTANT: the cache is keyed by content, and identical texts at two paths (98 groups
        // on BBC) share one entry written under the other file's story ids: take the mentions
        // under this file's ids, or its stories would have no analysis at all.
        hit.forEach((a, k) =>
          this.record({ storyId: e.file.stories[k]!.id, mentions: a.mentions }),
        );
      } else if (isBinaryFile(e.file)) {
        e.file.stories.forEach((s) => this.record({ storyId: s.id, mentions: [] }));
      } else {
        toAnalyse.push(...e.file.stories.filter((s) => !this.analyses.has(s.id)));
        const ids = e.file.stories.map((s) => s.id);
        this.pendingWrites.set(e.file.fileId, [e.hash, ...ids]);
      }
    });
    return { toAnalyse, fromCache };
  }

  /** Drops the analyses `keep` refuses (stories removed or changed) before a rebuild. */
  forget(keep: (storyId: string) => boolean): void {
    for (const id of [...this.analyses.keys()]) if (!keep(id)) this.analyses.delete(id);
    this.mentionIndex = null;
  }

  /**
   * Stories mentioning a (story-level) entity id, with mention counts, in the order they were
   * analysed; undefined when none does.
   */
  storiesMentioning(id: string): Map<string, number> | undefined {
    return this.mentionIndex
      ? this.mentionIndex.get(id)
      : countStoriesMentioning(this.analyses, id);
  }

  /**
   * Entity id → how many stories name it, from the mention index; null once it is dropped (then
   * the analyses are the only source).
   */
  storyCounts(): Iterable<[string, number]> | null {
    const index = this.mentionIndex;
    if (!index) return null;
    return (function* () {
      for (const [id, per] of index) yield [id, per.size] as [string, number];
    })();
  }

  /** The entity table is built: it answers for the counts. */
  dropMentionIndex(): void {
    this.mentionIndex = null;
  }

  /** The entity table is gone (files changed): provisional entities need the counts again. */
  ensureMentionIndex(): void {
    if (this.mentionIndex) return;
    this.mentionIndex = new Map();
    for (const a of this.analyses.values()) countMentions(this.mentionIndex, a);
  }

  /** Caches the analyses of files whose stories are all analysed now. */
  flushWrites(): void {
    const done: [string, StoryEntities[]][] = [];
    for (const [fileId, [hash, ...ids]] of this.pendingWrites) {
      const analyses = ids.map((id) => this.analyses.get(id));
      if (analyses.every((a): a is StoryEntities => a !== undefined)) {
        done.push([hash!, analyses]);
        this.pendingWrites.delete(fileId);
      }
    }
    if (done.length) void writeCachedAnalyses(done);
  }
}
