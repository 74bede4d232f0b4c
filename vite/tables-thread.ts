/**
 * The build's tables thread (see build-tables.ts): parses every file of the folder, takes each
 * story's analysis from the build's names, and builds the folder-wide tables with the code the
 * browser's worker runs (`folderTablesSteps`, `storyRelated`), answering with the gzip pack.
 * The first passes, the part that grows with the square of the folder, run on two threads.
 * Loaded through tables-thread-entry.mjs, which lets Node run TypeScript.
 */
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { ENTITY_SENTENCES } from '../src/corpus/archive/archive-format';
import { entitySentences } from '../src/corpus/archive/entity-sentences';
import { threadTimelines } from '../src/corpus/archive/thread-timelines';
import { storyDates, type TimelineEntry } from '../src/corpus/threads/timeline';
import { decodeFile } from '../src/corpus/entities/analysis-codec';
import type { StoryEntities } from '../src/corpus/entities/types';
import { folderFingerprint } from '../src/corpus/fingerprint';
import { KeptPhrases } from '../src/corpus/related/reasons';
import type { RelatedIndex } from '../src/corpus/related/related-index';
import { RelatedLists } from '../src/corpus/related/related-query';
import {
  folderEntities,
  folderThreads,
  folderVectorsSteps,
  type EntityTable,
  type FolderEntities,
  type FolderIndex,
  type FolderTables,
} from '../src/corpus/tables/folder-tables';
import { runSteps } from '../src/corpus/run-steps';
import { relatedContext, storyRelated } from '../src/corpus/tables/story-related';
import { encodeTables } from '../src/corpus/tables/tables-codec';
import { isBinaryFile, parseFile } from '../src/corpus/parse-file';
import type { Story } from '../src/corpus/types';
import type { TablePart, TablesJob, TablesProgress, TablesReply } from './build-tables';
import { firstPassesOnThreads, inSharedMemory, MIN_STORIES } from './first-passes';
import { collectGarbage } from './collect-garbage';
import { FileCache, fileKey } from './file-cache';
import { readSeedFileSync } from './read-seed-file';
import { relatedIndex } from './related-counts';

const port = parentPort!;

port.once('message', (job: TablesJob) => {
  void build(job).then(
    (reply) => port.postMessage(reply),
    (err: unknown) =>
      port.postMessage({
        error: err instanceof Error ? err.message : String(err),
      } satisfies TablesReply),
  );
});

async function build(job: TablesJob): Promise<TablesReply> {
  const parts: TablePart[] = [];
  let last = performance.now();
  const done = (name: string): void => {
    const now = performance.now();
    // Under `node --expose-gc` (see scripts/bench-tables.ts) the live heap, not its garbage.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    // maxRSS is in KiB, and over the whole process: the build's other threads count too.
    parts.push({
      name,
      ms: now - last,
      rss,
      maxRss: process.resourceUsage().maxRSS * 1024,
      heap: gc ? heapUsed : undefined,
    });
    last = performance.now();
  };
  const codes = new Map(job.codes);
  const stories = new Map<string, Story>();
  const order: string[] = [];
  const analyses = new Map<string, StoryEntities>();
  const phrases = new KeptPhrases();
  // An archive's thread timelines read each story's dates, taken here while the text is at hand:
  // JSON, because V8 keeps a sentence as a slice of its paragraph (see `sentences` below).
  const dates = new Map<string, string>();
  const keys = job.files.map(fileKey);
  // Where each file's stories end in `order`.
  const fileEnd: number[] = [];
  const cache = job.fileCacheDir
    ? await FileCache.open(path.join(job.fileCacheDir, 'phrases'), keys)
    : null;
  for (const [i, f] of job.files.entries()) {
    // Read blocking: this thread has nothing else to do meanwhile (see readSeedFileSync).
    const bytes = readSeedFileSync(f.source);
    const file = parseFile({ fileId: f.id, section: f.section, bytes });
    const code = codes.get(f.hash);
    // As the worker does (analysis-store.ts): a binary file's stories name no one.
    const found = code
      ? decodeFile(code, file.stories)
      : isBinaryFile(file)
        ? file.stories.map((s) => ({ storyId: s.id, mentions: [] }))
        : undefined;
    // A text the build could not analyse is analysed in the browser, which then builds its own
    // tables: tables made without it would not be the ones the browser makes.
    if (!found) throw new Error(`${f.id} has no analysis from the build`);
    // The phrase pairs, the costly part of the parse (10k files: 14 s of 15), are cached per
    // file by content; parsed again, a file's stories are the same ones.
    const entry = await cache?.take(i, keys[i]!);
    const cached =
      entry === undefined ? null : (JSON.parse(Buffer.from(entry).toString()) as string[]);
    const pairs =
      cached?.length === file.stories.length ? cached : file.stories.map(KeptPhrases.joined);
    if (cache?.wanted(i)) await cache.put(i, entry ?? Buffer.from(JSON.stringify(pairs)));
    for (const [k, s] of file.stories.entries()) {
      order.push(s.id);
      stories.set(s.id, s);
      // Read now, while the file is at hand: the related lists read nothing else of the text.
      phrases.put(s.id, pairs[k]!);
      if (job.archive) {
        const found = storyDates(s);
        if (found.length) dates.set(s.id, JSON.stringify(found));
      }
    }
    for (const a of found) analyses.set(a.storyId, a);
    fileEnd.push(order.length);
  }
  await cache?.finish();
  done(
    cache
      ? `parse and phrases (${cache.hits.toLocaleString('en-US')} files cached)`
      : 'parse and phrases',
  );
  // Only the parsed stories and their analyses are read from here on.
  codes.clear();
  job.codes.length = 0;
  // An archive's entity pages list each entity's first sentences, which read every story's
  // names and text: made once the table says which entity each name is, before the analyses
  // go. One string: V8 keeps a sentence as a slice of its paragraph, so sentences kept as
  // strings would keep the text this step lets go of later.
  let sentences: string | undefined;
  const withTable = (table: EntityTable) => {
    if (!job.archive) return;
    sentences = extra(() =>
      entitySentences(table, analyses, (id) => stories.get(id), ENTITY_SENTENCES),
    );
    done('entity sentences');
  };
  // What the browser's worker runs (`folderTablesSteps`), with the first passes on two threads.
  // Nothing past the related index and its event vectors reads the text (the dates and the
  // entity sentences are taken by then): it goes there. Once the first passes are in too, the
  // heavy part is over, and the build is told: on a large folder it starts the search chunks
  // then, beside the rest of this step (the two held their peaks at once past the build's 4 GB
  // when the chunks ran beside the text or the first passes, ARCHITECTURE.md "Session 17").
  // From then on, on a large folder, the thread's garbage is collected after each part rather
  // than when its heap nears its cap (2 GB): at 100,000 stories the live heap is ~450 MiB once the
  // text is gone, and what it left beside the chunks' cut took a rebuild past 4 GB.
  const collect = (after: string) => {
    if (order.length < MIN_STORIES) return;
    collectGarbage();
    done(`collected (${after})`);
  };
  const tables = await folderTables(order, stories, analyses, done, {
    withTable,
    // Its counting from the per-file cache, when there is one.
    relatedIndex: (entities) =>
      relatedIndex(
        { order, stories, keys, fileEnd },
        entities,
        job.fileCacheDir && path.join(job.fileCacheDir, 'counts'),
        done,
      ),
    afterIndex: () => blankText(stories),
    afterPasses: () => {
      collect('first passes');
      port.postMessage({ heavyDone: true } satisfies TablesProgress);
    },
  });
  collect('threads');
  // An archive's thread pages show each thread's timeline, merged from its stories' dates (one
  // string, as the sentences).
  let timelines: string | undefined;
  if (job.archive) {
    timelines = extra(() =>
      threadTimelines(tables.threads, (id) => {
        if (!stories.has(id)) return undefined;
        const json = dates.get(id);
        return json === undefined ? [] : (JSON.parse(json) as TimelineEntry[]);
      }),
    );
    dates.clear();
    done('timelines');
  }
  // IMPORTANT: from here a story is its id (`blankText`): every reader of the text (the index,
  // the ledes, the phrases, the dates) is done, and `pairsOf` throws for a story not added.
  const ctx = { ...relatedContext(tables, stories), pairsOf: phrases.pairsOf };
  // Every story's list is the first five of its neighbours (one ranking, cut).
  const lists = new RelatedLists(tables.related, tables.neighbours);
  const position = new Map(tables.related.storyIds.map((id, d) => [id, d]));
  const pack = encodeTables(tables, folderFingerprint(job.manifestFiles), (id) =>
    storyRelated(ctx, id, lists.get(position.get(id)!)),
  );
  done('reasons and encode');
  collect('reasons');
  const json = JSON.stringify(pack);
  done('stringify');
  const data = gzipSync(json, { level: 9 });
  done('gzip');
  return {
    data,
    stories: order.length,
    entities: tables.table.entities.length,
    threads: tables.threads.threads.length,
    ...(timelines !== undefined && { timelines }),
    ...(sentences !== undefined && { sentences }),
    parts,
  };
}

/**
 * An archive's extra from the text (sentences, timelines) as JSON, or undefined when it cannot
 * be made (at 100,000 articles the sentences are ~100 MB of JSON; V8's strings stop at ~512 MB):
 * the tables ship without it, and the pages say what they were built without.
 */
function extra(make: () => unknown): string | undefined {
  try {
    return JSON.stringify(make());
  } catch {
    return undefined;
  }
}

/**
 * Lets the stories' text go (at 25,000 stories 66 MiB of heap, the largest thing left after the
 * related index). Every field of text goes: V8 keeps a substring (the headline line) as a slice
 * of the whole file's text, so one left would keep the file.
 */
function blankText(stories: Map<string, Story>): void {
  for (const [id, s] of stories) {
    stories.set(id, {
      ...s,
      title: '',
      headline: null,
      kicker: null,
      kickerRaw: null,
      paragraphs: [],
      credits: [],
    });
  }
}

/** The tables, in a scope of their own: the analyses, mention ids and first passes end there. */
async function folderTables(
  order: string[],
  stories: Map<string, Story>,
  analyses: Map<string, StoryEntities>,
  done: (part: string) => void,
  hooks: {
    withTable: (table: EntityTable) => void;
    relatedIndex: (entities: FolderEntities) => Promise<RelatedIndex>;
    /** Once the related index and its event vectors are made: the last readers of the text. */
    afterIndex: () => void;
    afterPasses: () => void;
  },
): Promise<FolderTables> {
  const entities = folderEntities(order, analyses);
  done('entity table');
  hooks.withTable(entities.table);
  // Nothing reads the analyses past the entities: let them go before the related index.
  analyses.clear();
  const built = await indexForPasses(order, stories, entities, done, hooks.relatedIndex);
  hooks.afterIndex();
  const passes = await firstPassesOnThreads(built.related);
  done(order.length >= MIN_STORIES ? 'first passes (2 threads)' : 'first passes');
  hooks.afterPasses();
  return folderThreads(built, passes, done);
}

/**
 * The related index and its event vectors, the index as the first passes take it. IMPORTANT: in
 * a frame of its own, which ends here: the index's first copy named in `folderTables` stayed
 * through the first passes and the threads beside its shared copy (+160 MiB of array buffers
 * at 100,000 stories, and as much on the build's peak).
 */
async function indexForPasses(
  order: string[],
  stories: Map<string, Story>,
  entities: FolderEntities,
  done: (part: string) => void,
  relatedIndex: (entities: FolderEntities) => Promise<RelatedIndex>,
): Promise<FolderIndex> {
  const related = await relatedIndex(entities);
  return forFirstPasses(runSteps(folderVectorsSteps(order, stories, entities, related, done)));
}

/**
 * The index as the first passes take it: on two threads (a large folder) its arrays in shared
 * memory, moved there before the passes so that this thread does not hold them twice (here and
 * shared) beside the search chunks. No caller keeps the first copy.
 */
function forFirstPasses(built: FolderIndex): FolderIndex {
  const n = built.related.storyIds.length;
  return n >= MIN_STORIES ? { ...built, related: inSharedMemory(built.related) } : built;
}
