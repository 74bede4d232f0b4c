import { describe, expect, it } from 'vitest';
import { loadFolder, SEEDS_DIR } from '../../scripts/lib/corpora';
import { nodeTagger } from '../../scripts/lib/ner/node-tagger';
import { encodeFile, packAnalyses, type AnalysisPack } from '../corpus/entities/analysis-codec';
import type { Tagger } from '../corpus/entities/model/tagger';
import { analyzeStory } from '../corpus/entities/recognize';
import { search } from '../corpus/search/search';
import { CorpusEngine } from './corpus-engine';
import { PrebuiltNames } from './prebuilt-names';
import type { FileEntry, NamesPackRef } from './protocol';

const tagger = nodeTagger();
const entries: FileEntry[] = loadFolder(SEEDS_DIR).files.map((file) => ({
  file,
  hash: `h-${file.fileId}`,
}));
const [first, second, ...rest] = entries;

/** Waits (in the engine's own time slices) until `done` holds. */
async function until(done: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** What the build ships for `files` (vite/pack-names.ts): one pack, through JSON. */
function shipped(files: { entry: FileEntry; hash: string }[] | null[]): AnalysisPack {
  const pack = packAnalyses(
    files.map((f) => {
      if (!f) return null;
      const { file } = f.entry;
      const code = encodeFile(
        file.stories,
        file.stories.map((s) => analyzeStory(s, tagger)),
      )!;
      return { hash: f.hash, code };
    }),
  );
  return JSON.parse(JSON.stringify(pack)) as AnalysisPack;
}

/** An engine whose model download is counted, and never arrives unless `model` is given. */
function engine(packs: Record<string, AnalysisPack>, model?: Tagger) {
  const asked = { model: 0 };
  const names = new PrebuiltNames((url) =>
    packs[url] ? Promise.resolve(packs[url]) : Promise.reject(new Error(`HTTP 404 ${url}`)),
  );
  const e = new CorpusEngine(
    () => undefined,
    () => {
      asked.model++;
      return model ? Promise.resolve(model) : new Promise<Tagger>(() => undefined);
    },
    names,
  );
  return { engine: e, asked };
}

const ref = (url: string, files: FileEntry[]): NamesPackRef => ({
  url,
  files: files.map((e) => e.file.fileId),
});

describe('PrebuiltNames: the build’s analyses in the worker', () => {
  it('give names, the entity table and related stories without the model', async () => {
    const pack = shipped(entries.map((entry) => ({ entry, hash: entry.hash })));
    const { engine: e, asked } = engine({ 'names-0': pack });
    e.offerNames([ref('names-0', entries)], false);
    // The opened story, before its file reaches the engine.
    expect(await e.takeBuiltStory(first!.file.stories[0]!, first!.hash)).toBe(true);

    await e.syncFiles(entries, entries.length, null, 'folder-1');
    await until(() => e.status().relatedReady);
    expect(asked.model).toBe(0);
    const stories = entries.flatMap((x) => x.file.stories);
    expect(e.status()).toMatchObject({ builtFiles: entries.length, analysed: stories.length });
    for (const s of stories) expect(e.analyses.get(s.id)).toEqual(analyzeStory(s, tagger));
    expect(search(e.search, 'kim jong').entities[0]).toMatchObject({ name: 'Kim Jong-un' });
  });

  it('never hold up search while their pack is on the way', async () => {
    const never = new CorpusEngine(
      () => undefined,
      () => new Promise<Tagger>(() => undefined),
      new PrebuiltNames(() => new Promise<AnalysisPack>(() => undefined)),
    );
    never.offerNames([ref('names-0', entries)], false);
    void never.syncFiles(entries, entries.length, null, 'folder-1');
    await until(() => never.status().searchReady);
    expect(search(never.search, 'kirby').stories.length).toBeGreaterThan(0);
    expect(never.status()).toMatchObject({ analysed: 0, entitiesReady: false });
  });

  it('leave a changed, a missing or an undownloadable file to the recognizer', async () => {
    // The first file changed since the build (another hash), the second was left out, and the
    // rest are in a pack that fails to download.
    const pack = shipped([{ entry: first!, hash: 'h-before-the-edit' }, null] as {
      entry: FileEntry;
      hash: string;
    }[]);
    const { engine: e, asked } = engine({ 'names-0': pack }, tagger);
    e.offerNames([ref('names-0', [first!, second!]), ref('names-1', rest)], false);
    expect(await e.takeBuiltStory(first!.file.stories[0]!, first!.hash)).toBe(false);

    await e.syncFiles(entries, entries.length, null, 'folder-1');
    await until(() => e.status().relatedReady);
    expect(asked.model).toBeGreaterThan(0);
    expect(e.status()).toMatchObject({ builtFiles: 0 });
    for (const s of entries.flatMap((x) => x.file.stories))
      expect(e.analyses.get(s.id)).toEqual(analyzeStory(s, tagger));
  });
});
