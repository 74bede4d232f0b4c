import { describe, expect, it } from 'vitest';
import { loadFolder, SEEDS_DIR } from '../../scripts/lib/corpora';
import { nodeTagger } from '../../scripts/lib/ner/node-tagger';
import { CorpusEngine } from './corpus-engine';
import { filterStories } from './engine-queries';

describe('filterStories before the entity table exists', () => {
  it('counts each name’s stories among the analyses so far', async () => {
    const engine = new CorpusEngine(
      () => undefined,
      () => Promise.resolve(nodeTagger()),
    );
    engine.setTagger(nodeTagger());
    const entries = loadFolder(SEEDS_DIR).files.map((file) => ({ file, hash: `h-${file.fileId}` }));
    const part = entries.slice(1);
    const stories = part.reduce((n, e) => n + e.file.stories.length, 0);
    // One file short of the folder: analysed, but no table is built.
    await engine.syncFiles(part, entries.length, null, 'folder-1');
    const end = Date.now() + 20_000;
    while (engine.status().analysed < stories && Date.now() < end)
      await new Promise((r) => setTimeout(r, 5));
    expect(engine.status()).toMatchObject({ analysed: stories, entitiesReady: false });

    const expected = new Map<string, number>();
    for (const a of engine.analyses.values())
      for (const id of new Set(a.mentions.map((m) => m.entityId)))
        expected.set(id, (expected.get(id) ?? 0) + 1);
    const top = [...expected].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 14);
    const got = filterStories(engine, []).facets.map((f) => [f.entity.id, f.count]);
    expect(got).toEqual(top);
    // Names in more than one story: the counts are of stories, not of mentions.
    expect(top.some(([, n]) => Number(n) > 1)).toBe(true);
  });
});
