import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../corpus/notebook/types';
import { NotebookDexie, openNotebookDb, SCHEMAS } from './notebook-db';
import { createReadingStore } from './reading-store';

const annotation: Annotation = {
  id: 'urn:uuid:old',
  storyId: 'business/001',
  storyTitle: 'Ad sales boost Time Warner profit',
  sourceHash: 'h1',
  quote: { type: 'TextQuoteSelector', exact: 'TimeWarner', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 10 },
  color: 'green',
  note: 'written by a version 1 build',
  created: '2025-11-01T00:00:00.000Z',
  modified: '2025-11-01T00:00:00.000Z',
};

describe('schema migrations', () => {
  it('lists versions in order, each newer than the last', () => {
    const versions = SCHEMAS.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it.each(SCHEMAS.slice(0, -1).map((s) => s.version))(
    'a notebook written at version %i opens at the newest with nothing lost',
    async (version) => {
      const name = `migrate-${version}-${Math.random()}`;
      const old = new NotebookDexie(name, version);
      await old.open();
      await old.annotations.put(annotation);
      old.close();

      const db = await openNotebookDb(name);
      expect(await db.allAnnotations()).toEqual([annotation]);
      const reading = createReadingStore({ connect: async () => db });
      await reading.ready();
      reading.setRead('business/001', true);
      await new Promise((r) => setTimeout(r, 50));
      expect((await db.allReading()).map((r) => [r.storyId, r.read])).toEqual([
        ['business/001', true],
      ]);
      db.close();
    },
  );
});

describe('one notebook per deployed folder', () => {
  it('names the database after the base path, so folders on one origin never mix', async () => {
    const { notebookDbName } = await import('./notebook');
    const names = ['/', '/reader/', '/archive/'].map(notebookDbName);
    expect(new Set(names).size).toBe(3);
    const reader = await openNotebookDb(notebookDbName(`/reader-${Math.random()}/`));
    const archive = await openNotebookDb(notebookDbName(`/archive-${Math.random()}/`));
    await reader.putAnnotations([annotation]);
    expect(await archive.allAnnotations()).toEqual([]);
    reader.close();
    archive.close();
  });
});
