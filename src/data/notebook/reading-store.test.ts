import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openNotebookDb, type NotebookDb } from './notebook-db';
import { createReadingStore, storageJournal } from './reading-store';

const settle = () => new Promise((r) => setTimeout(r, 50));

/** localStorage as every tab of an origin shares it. */
function sharedStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    key: (i: number) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
}

/** A journal on its own storage, and what it holds. */
function memoryJournal() {
  const storage = sharedStorage();
  const journal = storageJournal(() => storage);
  return { journal, kept: () => journal.load() };
}

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

  it('a mark whose write the page never finished (a reload right after `m`) comes back', async () => {
    const name = `reading-journal-${Math.random()}`;
    const db = await openNotebookDb(name);
    const { journal, kept } = memoryJournal();
    // The page goes away before IndexedDB has the record: its put never completes.
    const cut: NotebookDb = Object.assign(Object.create(db) as NotebookDb, {
      putReading: () => new Promise<void>(() => undefined),
    });
    const before = createReadingStore({ connect: async () => cut, journal });
    await before.ready();
    before.setRead('business/001', true);
    await settle();
    expect(await db.allReading()).toEqual([]);
    expect(kept().map((r) => [r.storyId, r.read])).toEqual([['business/001', true]]);

    const after = createReadingStore({ connect: async () => db, journal });
    expect(after.getSnapshot().get('business/001')?.read).toBe(true);
    await after.ready();
    await settle();
    expect((await db.allReading()).map((r) => [r.storyId, r.read])).toEqual([
      ['business/001', true],
    ]);
    // Stored now: the journal is empty.
    expect(kept()).toEqual([]);
    db.close();
  });

  it('never writes a journaled record over a newer one another tab stored', async () => {
    const db = await openNotebookDb(`reading-journal-old-${Math.random()}`);
    const newer = { storyId: 'tech/002', read: false, paragraph: 9, progress: 0.9 };
    await db.putReading({ ...newer, updated: '2026-12-01T10:01:00.000Z' });
    const { journal, kept } = memoryJournal();
    journal.add({
      ...newer,
      read: true,
      paragraph: 1,
      progress: 0.1,
      updated: '2026-12-01T10:00:00.000Z',
    });
    const store = createReadingStore({ connect: async () => db, journal });
    await store.ready();
    await settle();
    expect(await db.allReading()).toMatchObject([
      { storyId: 'tech/002', read: false, paragraph: 9 },
    ]);
    expect(store.getSnapshot().get('tech/002')).toMatchObject({ read: false, paragraph: 9 });
    expect(kept()).toEqual([]);
    db.close();
  });

  it('journal: a record replaces an older one of its story, never a newer one, and goes only as itself', () => {
    const { journal, kept } = memoryJournal();
    const at = (storyId: string, updated: string, read = true) => ({
      storyId,
      read,
      paragraph: 0,
      progress: 0,
      updated,
    });
    journal.add(at('a', '2026-12-01T10:00:00.000Z'));
    journal.add(at('b', '2026-12-01T10:00:00.000Z'));
    journal.add(at('a', '2026-12-01T10:02:00.000Z', false));
    journal.add(at('a', '2026-12-01T10:01:00.000Z'));
    expect(kept().map((r) => [r.storyId, r.read])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    // The older write of `a` confirmed late: the newer stays.
    journal.remove(at('a', '2026-12-01T10:00:00.000Z'));
    expect(kept()).toHaveLength(2);
    journal.remove(at('a', '2026-12-01T10:02:00.000Z', false));
    journal.remove(at('b', '2026-12-01T10:00:00.000Z'));
    expect(kept()).toEqual([]);
  });

  it('journal: takes over the first journal’s one list, then drops it', () => {
    const storage = sharedStorage();
    const r = {
      storyId: 'a',
      read: true,
      paragraph: 0,
      progress: 1,
      updated: '2026-12-01T10:00:00.000Z',
    };
    storage.setItem('dispatch:reading-pending', JSON.stringify([r]));
    const journal = storageJournal(() => storage);
    expect(journal.load()).toEqual([r]);
    expect(storage.getItem('dispatch:reading-pending')).toBeNull();
    expect(journal.load()).toEqual([r]);
  });

  it('a row kept after the mark (same time) is written again if its write did not land', async () => {
    const db = await openNotebookDb(`reading-journal-place-${Math.random()}`);
    const mark = {
      storyId: 'tech/002',
      read: true,
      paragraph: 0,
      progress: 1,
      updated: '2026-12-01T10:00:00.000Z',
    };
    await db.putReading(mark);
    const { journal } = memoryJournal();
    journal.add({ ...mark, place: { listing: 'k', row: 7 } });
    const store = createReadingStore({ connect: async () => db, journal });
    await store.ready();
    await settle();
    expect((await db.allReading())[0]?.place).toEqual({ listing: 'k', row: 7 });
    db.close();
  });

  it('a tab confirming its own writes keeps another tab’s unconfirmed ones in the journal', async () => {
    const db = await openNotebookDb(`reading-journal-tabs-${Math.random()}`);
    const storage = sharedStorage();
    // Tab A's write never completes (its page is about to go); tab B's does.
    const cut: NotebookDb = Object.assign(Object.create(db) as NotebookDb, {
      putReading: () => new Promise<void>(() => undefined),
    });
    const a = createReadingStore({
      connect: async () => cut,
      journal: storageJournal(() => storage),
    });
    const b = createReadingStore({
      connect: async () => db,
      journal: storageJournal(() => storage),
    });
    await Promise.all([a.ready(), b.ready()]);
    a.setRead('business/001', true);
    b.setRead('tech/002', true);
    await settle();
    // B's mark is stored and gone from the journal; A's is still there for the next page.
    expect((await db.allReading()).map((r) => r.storyId)).toEqual(['tech/002']);
    expect(
      storageJournal(() => storage)
        .load()
        .map((r) => r.storyId),
    ).toEqual(['business/001']);
    const next = createReadingStore({
      connect: async () => db,
      journal: storageJournal(() => storage),
    });
    await next.ready();
    await settle();
    expect((await db.allReading()).map((r) => r.storyId).sort()).toEqual([
      'business/001',
      'tech/002',
    ]);
    db.close();
  });

  it('a write never lands over a newer record another tab stored since it was decided', async () => {
    const db = await openNotebookDb(`reading-newer-${Math.random()}`);
    const base = { storyId: 'tech/002', read: false, paragraph: 9, progress: 0.9 };
    await db.putReading({ ...base, updated: '2026-12-01T10:01:00.000Z' });
    await db.putReading({ ...base, paragraph: 1, updated: '2026-12-01T10:00:00.000Z' });
    expect((await db.allReading())[0]?.paragraph).toBe(9);
    // The same time (a row kept later) does land.
    await db.putReading({
      ...base,
      updated: '2026-12-01T10:01:00.000Z',
      place: { listing: 'k', row: 3 },
    });
    expect((await db.allReading())[0]?.place).toEqual({ listing: 'k', row: 3 });
    db.close();
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

  it('keeps an archive row with a record, stored beside the marks of before, without dating it', async () => {
    const name = `reading-place-${Math.random()}`;
    const db = await openNotebookDb(name);
    // A mark stored before rows were kept: a plain record, untouched by what follows.
    await db.putReading({
      storyId: 'old/001',
      read: true,
      paragraph: 0,
      progress: 1,
      updated: '2026-01-01T00:00:00.000Z',
    });
    const store = createReadingStore({
      connect: async () => db,
      now: () => '2026-02-01T00:00:00.000Z',
    });
    await store.ready();
    await settle();
    // No record, no row: opening a story is not reading it.
    store.place('new/002', { listing: 'k', row: 4 });
    expect(store.getSnapshot().has('new/002')).toBe(false);
    store.setRead('new/002', true);
    store.place('new/002', { listing: 'k', row: 4 });
    await settle();
    const all = new Map((await db.allReading()).map((r) => [r.storyId, r]));
    expect(all.get('new/002')).toMatchObject({
      read: true,
      place: { listing: 'k', row: 4 },
      updated: '2026-02-01T00:00:00.000Z',
    });
    expect(all.get('old/001')).toEqual({
      storyId: 'old/001',
      read: true,
      paragraph: 0,
      progress: 1,
      updated: '2026-01-01T00:00:00.000Z',
    });
    // An import (no rows in an export) keeps the row kept here.
    await store.importRecords([
      {
        storyId: 'new/002',
        read: true,
        paragraph: 2,
        progress: 1,
        updated: '2026-03-01T00:00:00.000Z',
      },
    ]);
    expect(store.getSnapshot().get('new/002')).toMatchObject({
      paragraph: 2,
      place: { listing: 'k', row: 4 },
    });
    db.close();
  });
});
