import { describe, expect, it } from 'vitest';
import { loadFolder, SEEDS_DIR } from '../../scripts/lib/corpora';
import { nodeTagger } from '../../scripts/lib/ner/node-tagger';
import { encodeFile, packAnalyses, type AnalysisPack } from '../corpus/entities/analysis-codec';
import { analyzeStory } from '../corpus/entities/recognize';
import type { StoryEntities } from '../corpus/entities/types';
import { folderFingerprint } from '../corpus/fingerprint';
import { keptPhrasePairs } from '../corpus/related/reasons';
import { RelatedLists } from '../corpus/related/related-query';
import { search } from '../corpus/search/search';
import { buildFolderTables } from '../corpus/tables/folder-tables';
import { storyRelated } from '../corpus/tables/story-related';
import { encodeTables, type TablesPack } from '../corpus/tables/tables-codec';
import type { Story } from '../corpus/types';
import { CorpusEngine } from './corpus-engine';
import { entityPage, filterStories } from './engine-queries';
import { PrebuiltNames } from './prebuilt-names';
import { PrebuiltTables } from './prebuilt-tables';
import type { FileEntry } from './protocol';
import { relatedView } from './related-queries';
import { threadList } from './thread-queries';

const tagger = nodeTagger();
const entries: FileEntry[] = loadFolder(SEEDS_DIR).files.map((file) => ({
  file,
  hash: `h-${file.fileId}`,
}));
const fingerprint = folderFingerprint(entries.map((e) => ({ id: e.file.fileId, hash: e.hash })));
const allStories = entries.flatMap((e) => e.file.stories);

async function until(done: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** What vite/build-tables.ts ships for the seeds, through JSON, as it would for `print`. */
function shippedTables(print: string): TablesPack {
  const stories = new Map<string, Story>(allStories.map((s) => [s.id, s]));
  const analyses = new Map<string, StoryEntities>(
    allStories.map((s) => [s.id, analyzeStory(s, tagger)]),
  );
  const t = buildFolderTables(
    allStories.map((s) => s.id),
    stories,
    analyses,
  );
  const byId = new Map(t.table.entities.map((e) => [e.id, e]));
  const ctx = {
    ...t,
    index: t.related,
    stories,
    nameOf: (id: string) => byId.get(id)!.name,
    pairsOf: keptPhrasePairs(stories.values()),
  };
  const lists = new RelatedLists(t.related, t.neighbours);
  const position = new Map(t.related.storyIds.map((id, d) => [id, d]));
  const pack = encodeTables(t, print, (id) => storyRelated(ctx, id, lists.get(position.get(id)!)));
  return JSON.parse(JSON.stringify(pack)) as TablesPack;
}

const names: AnalysisPack = JSON.parse(
  JSON.stringify(
    packAnalyses(
      entries.map((e) => ({
        hash: e.hash,
        code: encodeFile(
          e.file.stories,
          e.file.stories.map((s) => analyzeStory(s, tagger)),
        )!,
      })),
    ),
  ),
) as AnalysisPack;

/**
 * An engine given the build's names and, if any, its tables (offered at once unless `late`: on a
 * deep link the app offers them once the story's names are marked); the model only if `model`.
 */
function engine(tables: TablesPack | null, model = false, late = false) {
  const e = new CorpusEngine(
    () => undefined,
    () => (model ? Promise.resolve(tagger) : new Promise(() => undefined)),
    new PrebuiltNames(() => Promise.resolve(names)),
    new PrebuiltTables(
      (url) =>
        tables ? Promise.resolve(new Uint8Array()) : Promise.reject(new Error(`HTTP 404 ${url}`)),
      () => Promise.resolve(tables!),
    ),
  );
  e.offerNames([{ url: 'names-0', files: entries.map((x) => x.file.fileId) }], false);
  if (!late) e.offerTables({ url: 'tables' });
  return e;
}

describe('PrebuiltTables: the build’s folder-wide tables in the worker', () => {
  it('answer entities, related stories and the filter before the folder is read', async () => {
    const e = engine(shippedTables(fingerprint), false, true);
    // One file of three has arrived, then the tables are offered (as after a deep link's names).
    await e.syncFiles(entries.slice(0, 1), entries.length, null, fingerprint);
    e.offerTables({ url: 'tables' });
    await until(() => e.status().relatedReady);
    expect(e.status()).toMatchObject({
      entitiesReady: true,
      builtTables: true,
      files: 1,
      namesComplete: false,
    });

    // The reference: an engine that read and analysed the whole folder and built its own.
    const own = engine(null);
    await own.syncFiles(entries, entries.length, null, fingerprint);
    await until(() => own.status().relatedReady && own.status().epoch > 0);
    expect(own.status().builtTables).toBe(false);

    expect(e.table).toEqual(own.table);
    const someId = own.table!.entities[0]!.id;
    expect(filterStories(e, [])).toEqual(filterStories(own, []));
    expect(filterStories(e, [someId]).facets).toEqual(filterStories(own, [someId]).facets);
    expect(new Set(filterStories(e, [someId]).storyIds)).toEqual(
      new Set(filterStories(own, [someId]).storyIds),
    );
    const scoreless = (v: ReturnType<typeof relatedView>) =>
      v && { ...v, related: v.related.map((h) => ({ ...h, score: 0 })) };
    for (const s of allStories)
      expect(scoreless(relatedView(e, s.id))).toEqual(scoreless(relatedView(own, s.id)));

    // The rest of the folder: search gets the names, the epoch moves, pages are whole.
    const epoch = e.status().epoch;
    await e.syncFiles(entries.slice(1), entries.length, null, fingerprint);
    await until(() => e.status().epoch > epoch);
    expect(e.status()).toMatchObject({
      builtTables: true,
      relatedReady: true,
      namesComplete: true,
    });
    expect(search(e.search, 'kim jong').entities[0]).toMatchObject({ name: 'Kim Jong-un' });
    expect(entityPage(e, someId)).toEqual(entityPage(own, someId));
    expect(threadList(e)).toEqual(threadList(own));
  });

  it('are left aside for another folder: the worker builds its own', async () => {
    const e = engine(shippedTables('another-folder'));
    await e.syncFiles(entries.slice(0, 1), entries.length, null, fingerprint);
    await new Promise((r) => setTimeout(r, 50));
    expect(e.status()).toMatchObject({ entitiesReady: false, relatedReady: false });
    await e.syncFiles(entries.slice(1), entries.length, null, fingerprint);
    await until(() => e.status().relatedReady);
    expect(e.status().builtTables).toBe(false);
    expect(relatedView(e, allStories[0]!.id)).not.toBeNull();
  });

  it('are dropped when the folder changes (a file edited under npm run dev)', async () => {
    // The edited text is not in the build's names: the model analyses it.
    const e = engine(shippedTables(fingerprint), true);
    await e.syncFiles(entries, entries.length, null, fingerprint);
    await until(() => e.status().builtTables);
    const edited = { ...entries[0]!, hash: 'h-edited' };
    const print2 = folderFingerprint(
      [edited, ...entries.slice(1)].map((x) => ({ id: x.file.fileId, hash: x.hash })),
    );
    await e.syncFiles([edited], entries.length, null, print2);
    expect(e.status().builtTables).toBe(false);
    await until(() => e.status().relatedReady);
    expect(e.status().builtTables).toBe(false);
  });
});

describe('PrebuiltTables.prefetch', () => {
  it('downloads at once and parses only when offered, with one request', async () => {
    const fp = 'fingerprint';
    const downloads: string[] = [];
    let parses = 0;
    const t = new PrebuiltTables(
      (url) => {
        downloads.push(url);
        return Promise.resolve(new Uint8Array([1]));
      },
      () => {
        parses++;
        return Promise.resolve({ fingerprint: fp } as TablesPack);
      },
    );
    t.prefetch({ url: 'tables-1' });
    await new Promise((r) => setTimeout(r, 0));
    expect(downloads).toEqual(['tables-1']);
    expect(parses).toBe(0);
    expect(await t.forFolder(fp)).toBeUndefined(); // not offered yet: not the engine's
    t.offer({ url: 'tables-1' });
    expect((await t.forFolder(fp))?.fingerprint).toBe(fp);
    expect(downloads).toEqual(['tables-1']);
    expect(parses).toBe(1);
    // Another pack offered (a new build) is downloaded on its own.
    t.offer({ url: 'tables-2' });
    await t.forFolder(fp);
    expect(downloads).toEqual(['tables-1', 'tables-2']);
  });
});
