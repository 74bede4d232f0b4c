import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openNotebookDb, type NotebookDb } from './notebook-db';
import { createReadingStore } from './reading-store';

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('reading state: the reader’s own data', () => {
  it('survives a reload: a new store on the same database has it back', async () => {
    const name = `reading-${Math.random()}`;
    const first = await openNotebookDb(name);
    const before = createReadingStore({ connect: async () => first });
    await before.ready();
    before.setRead('business/001', true);
    before.savePosition('tech/002', 7, 0.4);
    await settle();
    first.close();

    const again = await openNotebookDb(name);
    const after = createReadingStore({ connect: async () => again });
    await after.ready();
    await settle();
    const got = after.getSnapshot();
    expect(got.get('business/001')?.read).toBe(true);
    expect([got.get('tech/002')?.paragraph, got.get('tech/002')?.progress]).toEqual([7, 0.4]);
    again.close();
  });

  it('with storage refused, keeps what the reader did for the tab and never throws', async () => {
    const store = createReadingStore({ connect: () => Promise.reject(new Error('blocked')) });
    await store.ready().catch(() => undefined);
    expect(store.isLoaded()).toBe(true);
    store.setRead('business/001', true);
    store.savePosition('business/001', 3, 0.2);
    await settle();
    expect(store.getSnapshot().get('business/001')).toMatchObject({
      read: true,
      paragraph: 3,
      progress: 0.2,
    });
  });

  it('when a write fails (a full disk), keeps the record in memory', async () => {
    const db = await openNotebookDb(`reading-full-${Math.random()}`);
    const full: NotebookDb = Object.assign(Object.create(db) as NotebookDb, {
      putReading: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
    });
    const store = createReadingStore({ connect: async () => full });
    await store.ready();
    store.setRead('sport/010', true);
    await settle();
    expect(store.getSnapshot().get('sport/010')?.read).toBe(true);
    expect(await db.allReading()).toEqual([]);
    db.close();
  });
});
