import { readingToApply } from '../../corpus/notebook/reading-export';
import type { NotebookDb } from './notebook-db';
import type { ReadingRecord } from './reading-record';

/**
 * Reading state (read or not, where the reader stopped), in memory and in IndexedDB, live across
 * tabs. Losing it to a storage failure costs a bookmark, not research: it then simply lives as
 * long as the tab, and the notebook's banner already tells of the trouble.
 */
export function createReadingStore(o: { connect: () => Promise<NotebookDb>; now?: () => string }) {
  const now = o.now ?? (() => new Date().toISOString());
  const listeners = new Set<() => void>();
  let records = new Map<string, ReadingRecord>();
  let db: NotebookDb | null = null;
  let started: Promise<void> | null = null;
  let loaded = false;

  const emit = () => {
    records = new Map(records);
    listeners.forEach((l) => l());
  };

  function start() {
    started ??= o.connect().then(
      (opened) => {
        db = opened;
        opened.watchReading(
          (all) => {
            const local = records;
            records = new Map(all.map((r) => [r.storyId, r]));
            // A change made here before the first read (or not saved yet) is newer: keep it.
            for (const [id, r] of local) {
              const theirs = records.get(id);
              if (!theirs || theirs.updated < r.updated) records.set(id, r);
            }
            loaded = true;
            emit();
          },
          () => undefined,
        );
      },
      () => {
        loaded = true;
        emit();
      },
    );
    return started;
  }

  function write(storyId: string, patch: Partial<Omit<ReadingRecord, 'storyId'>>) {
    const prev = records.get(storyId) ?? {
      storyId,
      read: false,
      paragraph: 0,
      progress: 0,
      updated: '',
    };
    const next = { ...prev, ...patch, updated: now() };
    records.set(storyId, next);
    emit();
    void start().then(() => db?.putReading(next).catch(() => undefined));
  }

  return {
    subscribe(l: () => void) {
      void start();
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getSnapshot: (): ReadonlyMap<string, ReadingRecord> => records,
    /** False until storage has answered (the resume position must wait for it). */
    isLoaded: () => loaded,
    ready: () => start(),
    setRead: (storyId: string, read: boolean) => write(storyId, { read }),
    /**
     * Takes an export's reading state: a story's imported record wins only over an older one
     * here. Keeps each record's own date, so a re-export is the same. Returns how many changed.
     */
    importRecords: async (imported: readonly ReadingRecord[]): Promise<number> => {
      await start();
      // An export holds no archive rows (they are one build's): a row kept here stays.
      const apply = readingToApply(records, imported).map((r) => {
        const place = r.place ?? records.get(r.storyId)?.place;
        return place ? { ...r, place } : r;
      });
      for (const r of apply) records.set(r.storyId, r);
      if (apply.length) emit();
      await Promise.all(apply.map((r) => db?.putReading(r).catch(() => undefined)));
      return apply.length;
    },
    /**
     * Keeps an archive story's listing row with its record, once it has one (a story opened
     * and not read needs none). Not a change of reading state: `updated` stays, so an import
     * decides between two records as before.
     */
    place: (storyId: string, place: { listing: string; row: number }) => {
      const prev = records.get(storyId);
      if (!prev || (prev.place?.listing === place.listing && prev.place.row === place.row)) return;
      const next = { ...prev, place };
      records.set(storyId, next);
      emit();
      void start().then(() => db?.putReading(next).catch(() => undefined));
    },
    savePosition: (storyId: string, paragraph: number, progress: number) =>
      write(storyId, { paragraph, progress: Math.max(0, Math.min(1, progress)) }),
  };
}

export type ReadingStore = ReturnType<typeof createReadingStore>;
