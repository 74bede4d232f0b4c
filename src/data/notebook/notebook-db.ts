import Dexie, { liveQuery, type Table } from 'dexie';
import type { Annotation } from '../../corpus/notebook/types';
import type { ReadingRecord } from './reading-record';

/**
 * The one module that imports Dexie (IndexedDB). It is loaded lazily by `notebook-store.ts`, so
 * no page pays for it before it shows a notebook.
 *
 * IMPORTANT: never change a published version's schema or upgrade. Add a version with its
 * upgrade instead: Dexie runs every upgrade between the stored version and the newest, so a
 * notebook written by any earlier build is carried forward, never wiped.
 */

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** Every schema this database has had, oldest first (exported for the migration tests). */
export const SCHEMAS: { version: number; stores: Record<string, string> }[] = [
  // 1: highlights and notes (W3C selectors inside each record), and a key-value table.
  { version: 1, stores: { annotations: 'id, storyId, created', meta: 'key' } },
  // 2: reading state per story (read or not, where the reader stopped). Tables absent from a
  // version's `stores` are kept as they were, so the annotations need no upgrade.
  { version: 2, stores: { reading: 'storyId, updated' } },
];

export class NotebookDexie extends Dexie {
  annotations!: Table<Annotation, string>;
  meta!: Table<MetaRecord, string>;
  reading!: Table<ReadingRecord, string>;

  /** `upTo` opens an older schema: the migration tests write a database as old builds did. */
  constructor(name: string, upTo = Infinity) {
    super(name);
    for (const s of SCHEMAS) if (s.version <= upTo) this.version(s.version).stores(s.stores);
  }
}

export type PatchResult =
  | { status: 'written'; record: Annotation }
  | { status: 'missing' }
  | { status: 'conflict'; stored: Annotation };

/** What the store needs from the database; the tests run it over fake-indexeddb. */
export interface NotebookDb {
  readonly name: string;
  allAnnotations(): Promise<Annotation[]>;
  getAnnotation(id: string): Promise<Annotation | undefined>;
  putAnnotations(records: readonly Annotation[]): Promise<void>;
  deleteAnnotation(id: string): Promise<void>;
  /**
   * Applies `patch` to the stored record in one transaction, so a change made in another tab to
   * other fields is kept. With `expectNote`, refuses (and returns the stored record) when the
   * stored note is no longer that text: two tabs never overwrite each other's notes.
   */
  patchAnnotation(
    id: string,
    patch: Partial<Pick<Annotation, 'color' | 'note' | 'modified'>>,
    expectNote?: string,
  ): Promise<PatchResult>;
  /** Calls back with all annotations now and after every change, from any tab. */
  watchAnnotations(next: (all: Annotation[]) => void, fail: (e: unknown) => void): () => void;
  allReading(): Promise<ReadingRecord[]>;
  putReading(r: ReadingRecord): Promise<void>;
  watchReading(next: (all: ReadingRecord[]) => void, fail: (e: unknown) => void): () => void;
  /** Called when another tab opens a newer schema: this one must be reloaded. */
  onBlocked(cb: () => void): void;
  close(): void;
}

export async function openNotebookDb(name: string): Promise<NotebookDb> {
  const db = new NotebookDexie(name);
  await db.open();
  let blocked = () => {};
  db.on('versionchange', () => {
    db.close();
    blocked();
    return false;
  });
  return {
    name,
    allAnnotations: () => db.annotations.toArray(),
    getAnnotation: (id) => db.annotations.get(id),
    putAnnotations: async (records) => {
      await db.annotations.bulkPut([...records]);
    },
    deleteAnnotation: (id) => db.annotations.delete(id),
    patchAnnotation: (id, patch, expectNote) =>
      db.transaction('rw', db.annotations, async (): Promise<PatchResult> => {
        const stored = await db.annotations.get(id);
        if (!stored) return { status: 'missing' };
        if (expectNote !== undefined && stored.note !== expectNote) {
          return { status: 'conflict', stored };
        }
        const next = { ...stored, ...patch };
        await db.annotations.put(next);
        return { status: 'written', record: next };
      }),
    watchAnnotations: (next, fail) => {
      const sub = liveQuery(() => db.annotations.toArray()).subscribe({ next, error: fail });
      return () => sub.unsubscribe();
    },
    allReading: () => db.reading.toArray(),
    // Never over a newer record of the story, in one transaction: another tab may have stored
    // one since this write was decided (a journaled write is replayed against a snapshot).
    putReading: (r) =>
      db.transaction('rw', db.reading, async () => {
        const stored = await db.reading.get(r.storyId);
        if (stored && stored.updated > r.updated) return;
        await db.reading.put(r);
      }),
    watchReading: (next, fail) => {
      const sub = liveQuery(() => db.reading.toArray()).subscribe({ next, error: fail });
      return () => sub.unsubscribe();
    },
    onBlocked: (cb) => {
      blocked = cb;
    },
    close: () => db.close(),
  };
}
