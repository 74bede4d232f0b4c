import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { fromJsonLd, toJsonLd } from '../../corpus/notebook/json-ld';
import { canonical } from '../../corpus/notebook/merge';
import type { Annotation } from '../../corpus/notebook/types';
import { openNotebookDb, type NotebookDb } from './notebook-db';
import { createNotebookStore, type NewAnnotation, type NotebookStore } from './notebook-store';

let n = 0;
const dbs: NotebookDb[] = [];
const freshName = () => `test-notebook-${++n}-${Math.random()}`;

/** A store over a real (fake-indexeddb) database, as one tab of the app has it. */
function tab(name: string, extra: Partial<Parameters<typeof createNotebookStore>[0]> = {}) {
  return createNotebookStore({
    connect: async () => {
      const db = await openNotebookDb(name);
      dbs.push(db);
      return db;
    },
    ...extra,
  });
}

afterEach(() => {
  dbs.splice(0).forEach((d) => d.close());
});

const input = (exact: string, note = ''): NewAnnotation => ({
  storyId: 'business/001',
  storyTitle: 'Ad sales boost Time Warner profit',
  sourceHash: 'h1',
  quote: { type: 'TextQuoteSelector', exact, prefix: 'pre ', suffix: ' suf' },
  position: { type: 'TextPositionSelector', start: 10, end: 10 + exact.length },
  color: 'yellow',
  note,
});

/** Resolves once the store's snapshot satisfies `ok`. */
function until(store: NotebookStore, ok: (s: ReturnType<NotebookStore['getSnapshot']>) => boolean) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), 3000);
    const check = () => {
      if (ok(store.getSnapshot())) {
        clearTimeout(timer);
        off();
        resolve();
      }
    };
    const off = store.subscribe(check);
    check();
  });
}

describe('notebook store', () => {
  it('shows a new highlight at once, saves it, and another tab sees it', async () => {
    const name = freshName();
    const a = tab(name);
    const b = tab(name);
    await Promise.all([a.ready(), b.ready()]);
    const made = a.create(input('TimeWarner jumped 76%'));
    expect(a.getSnapshot().byId.get(made.id)).toEqual(made);
    await until(a, (s) => s.unsaved === 0);
    await until(b, (s) => s.byId.has(made.id));
    expect(b.getSnapshot().byId.get(made.id)).toEqual(made);
  });

  it('never lets two tabs overwrite each other’s notes', async () => {
    const name = freshName();
    const a = tab(name);
    const b = tab(name);
    await Promise.all([a.ready(), b.ready()]);
    const made = a.create(input('profits'));
    await until(b, (s) => s.byId.has(made.id));
    // Both editors started from the empty note; A saves first.
    expect(await a.update(made.id, { note: 'from A' }, '')).toEqual({ status: 'saved' });
    const r = await b.update(made.id, { note: 'from B' }, '');
    expect(r.status).toBe('conflict');
    if (r.status === 'conflict') expect(r.stored.note).toBe('from A');
    // A colour change in B keeps A's note: changes apply to the stored record, field by field.
    expect(await b.update(made.id, { color: 'pink' })).toEqual({ status: 'saved' });
    await until(a, (s) => s.byId.get(made.id)?.color === 'pink');
    expect(a.getSnapshot().byId.get(made.id)?.note).toBe('from A');
  });

  it('keeps a change that could not be saved, says why, and saves it on retry', async () => {
    const name = freshName();
    let full = true;
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const store = createNotebookStore({
      connect: async () => {
        const db = await openNotebookDb(name);
        dbs.push(db);
        return {
          ...db,
          putAnnotations: (r: readonly Annotation[]) =>
            full ? Promise.reject(quota) : db.putAnnotations(r),
          patchAnnotation: (...args: Parameters<NotebookDb['patchAnnotation']>) =>
            full ? Promise.reject(quota) : db.patchAnnotation(...args),
        };
      },
    });
    await store.ready();
    const made = store.create(input('a quote'));
    await until(store, (s) => s.problem?.kind === 'quota');
    expect(await store.update(made.id, { note: 'typed while the disk was full' }, '')).toEqual({
      status: 'unsaved',
    });
    const s = store.getSnapshot();
    expect(s.unsaved).toBe(1);
    expect(s.byId.get(made.id)?.note).toBe('typed while the disk was full');
    expect(s.problem?.message).toMatch(/storage for this site is full.*export your notebook/isu);
    full = false;
    expect(await store.retry()).toBe(true);
    expect(store.getSnapshot()).toMatchObject({ unsaved: 0, problem: null });
    const again = tab(name);
    await until(again, (x) => x.byId.get(made.id)?.note === 'typed while the disk was full');
  });

  it('works in memory when IndexedDB is refused, and says so', async () => {
    const denied = Object.assign(new Error('denied'), { name: 'SecurityError' });
    const store = createNotebookStore({ connect: () => Promise.reject(denied) });
    await store.ready();
    const made = store.create(input('kept in memory', 'a note'));
    await until(store, (s) => s.status === 'memory-only');
    expect(store.getSnapshot().byId.get(made.id)?.note).toBe('a note');
    expect(store.getSnapshot().problem?.kind).toBe('unavailable');
    expect(store.getSnapshot().problem?.message).toMatch(/private window/u);
  });

  it('deletes with undo, keeping the same record', async () => {
    const store = tab(freshName());
    await store.ready();
    const made = store.create(input('to delete', 'with a note'));
    await until(store, (s) => s.unsaved === 0);
    const removed = store.remove(made.id)!;
    expect(store.getSnapshot().byId.has(made.id)).toBe(false);
    store.restore(removed);
    await until(store, (s) => s.unsaved === 0 && s.byId.has(made.id));
    expect(store.getSnapshot().byId.get(made.id)).toEqual(made);
  });

  it('asks for persistent storage with the first highlight', async () => {
    let asked = 0;
    const store = tab(freshName(), { persist: async () => (asked++, true) });
    await store.ready();
    store.create(input('one'));
    store.create(input('two'));
    await until(store, (s) => s.persisted === true);
    expect(asked).toBe(1);
  });

  it('export, then import into a fresh profile, gives back exactly the same notebook', async () => {
    const source = tab(freshName());
    await source.ready();
    const first = source.create(input('first quote', 'a **note**'));
    source.create(input('second quote'));
    await source.update(first.id, { color: 'blue' });
    await until(source, (s) => s.unsaved === 0);
    const file = JSON.stringify(
      toJsonLd(source.getSnapshot().annotations, {
        storyUrl: (id) => `https://x.test/story/${id}`,
        label: 'Dispatch notebook',
        exported: new Date().toISOString(),
      }),
    );
    const fresh = tab(freshName());
    const parsed = fromJsonLd(JSON.parse(file), { makeId: () => 'x', now: 'y' });
    const plan = await fresh.importAnnotations(parsed.annotations);
    expect(plan).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    const same = (s: NotebookStore) => s.getSnapshot().annotations.map(canonical);
    expect(same(fresh)).toEqual(same(source));
    // Importing the same file again adds nothing.
    expect(await fresh.importAnnotations(parsed.annotations)).toMatchObject({
      added: 0,
      unchanged: 2,
    });
    // And a reload (a new store over the same database) reads the same notebook.
    const reloaded = tab(fresh.getSnapshot().annotations.length ? dbs[dbs.length - 1]!.name : '');
    await until(reloaded, (s) => s.annotations.length === 2);
    expect(same(reloaded)).toEqual(same(source));
  });
});
