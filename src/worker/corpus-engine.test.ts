import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFolder, SEEDS_DIR } from '../../scripts/lib/corpora';
import { nodeTagger } from '../../scripts/lib/ner/node-tagger';
import type { Tagger } from '../corpus/entities/model/tagger';
import { parseFile } from '../corpus/parse-file';
import { search } from '../corpus/search/search';
import { CorpusEngine } from './corpus-engine';
import type { FileEntry } from './protocol';

const PUTIN = '000_359807c817cdce2f';

/** Waits (in the engine's own time slices) until `done` holds. */
async function until(done: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The seeds plus a copy of the Putin story under wire/, as the app would hand them over. */
function folder(): FileEntry[] {
  const files = [
    ...loadFolder(SEEDS_DIR).files,
    parseFile({
      fileId: 'wire/putin-copy',
      section: 'wire',
      bytes: readFileSync(path.join(SEEDS_DIR, `${PUTIN}.txt`)),
    }),
  ];
  return files.map((file) => ({ file, hash: `h-${file.fileId}` }));
}

describe('CorpusEngine (Node: no IndexedDB, every cache misses)', () => {
  it('searches while the entity model is held back, then adds names and related stories', async () => {
    let release: (t: Tagger) => void = () => undefined;
    const model = new Promise<Tagger>((resolve) => (release = resolve));
    const engine = new CorpusEngine(
      () => undefined,
      () => model,
    );
    engine.prefetchCache();
    const entries = folder();
    await engine.syncFiles(entries, entries.length, null, 'folder-1');
    await until(() => engine.status().searchReady);

    // Stories and paragraphs, copies folded: no names yet, and none analysed while held back.
    const kirby = search(engine.search, 'kirby');
    expect(kirby.stories.map((s) => s.storyId)).toEqual([PUTIN]);
    expect(kirby.stories[0]!.duplicates.map((d) => d.storyId)).toEqual(['wire/putin-copy']);
    expect(search(engine.search, 'kim jong').entities).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(engine.status()).toMatchObject({ analysed: 0, entitiesReady: false });

    release(nodeTagger());
    await until(() => engine.status().relatedReady);
    expect(engine.status().epoch).toBe(1);
    expect(search(engine.search, 'kim jong').entities[0]).toMatchObject({
      name: 'Kim Jong-un',
      storyCount: 4, // the copy names him too
    });
    expect(engine.related).not.toBeNull();
  });

  it('starts over when a file changes (a folder edited under npm run dev)', async () => {
    const engine = new CorpusEngine(
      () => undefined,
      () => Promise.resolve(nodeTagger()),
    );
    const entries = folder();
    await engine.syncFiles(entries, entries.length, null, 'folder-1');
    await until(() => engine.status().relatedReady);
    const copy = entries.find((e) => e.file.fileId === 'wire/putin-copy')!;
    const edited = parseFile({
      fileId: copy.file.fileId,
      section: 'wire',
      bytes: new TextEncoder().encode('Zanzibar ferry story\n\nThe ferry to Zanzibar sailed late.'),
    });
    await engine.syncFiles([{ file: edited, hash: 'h-edited' }], entries.length, null, 'folder-2');
    await until(() => engine.status().relatedReady && engine.status().epoch === 2);
    expect(search(engine.search, 'zanzibar').stories.map((s) => s.storyId)).toEqual([
      'wire/putin-copy',
    ]);
    expect(search(engine.search, 'kirby').stories[0]!.duplicates).toEqual([]);
    expect(engine.status()).toMatchObject({ files: entries.length, searchReady: true });
  });
});
