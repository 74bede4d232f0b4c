import { readingToApply } from '../../corpus/notebook/reading-export';
import type { NotebookDb } from './notebook-db';
import type { ReadingRecord } from './reading-record';

/**
 * Records written but not yet confirmed by IndexedDB, kept synchronously (localStorage): a
 * write is asynchronous, and a reload right after `m` aborted it (seen in an e2e run), so the
 * mark was lost. The next store takes them back and writes them again.
 * IMPORTANT: every open tab shares the journal, so a tab adds and removes its own records only:
 * saving its whole list (as it first did) dropped another tab's unconfirmed ones.
 */
export interface ReadingJournal {
  load(): ReadingRecord[];
  /** Keeps `r`, in place of an older record of its story (a newer one stays instead). */
  add(r: ReadingRecord): void;
  /** Forgets `r` (IndexedDB has it, or something newer): the same story and time only. */
  remove(r: ReadingRecord): void;
}

/** One key a story: `dispatch:reading-pending:<story id>`. */
const JOURNAL_PREFIX = 'dispatch:reading-pending:';
/** The first journal's key: one list for every tab. */
const LEGACY_KEY = 'dispatch:reading-pending';

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/**
 * A journal in `storage()`, one key a story, so tabs never rewrite each other's entries (a
 * shared list was read, changed and written back: two tabs at once could lose one's entry).
 * With no storage (or a full or blocked one), none. A function: reading `localStorage` itself
 * throws where the browser blocks storage.
 */
export function storageJournal(storage: () => KeyValue | undefined): ReadingJournal {
  const parse = (raw: string | null | undefined): ReadingRecord | null => {
    try {
      return raw ? asRecord(JSON.parse(raw)) : null;
    } catch {
      return null;
    }
  };
  const quietly = (f: () => void) => {
    try {
      f();
    } catch {
      /* a full or blocked localStorage: the write to IndexedDB still goes out */
    }
  };
  const at = (storyId: string) => {
    try {
      return parse(storage()?.getItem(JOURNAL_PREFIX + storyId));
    } catch {
      return null;
    }
  };
  const add = (r: ReadingRecord) => {
    const kept = at(r.storyId);
    if (kept && kept.updated > r.updated) return;
    quietly(() => storage()?.setItem(JOURNAL_PREFIX + r.storyId, JSON.stringify(r)));
  };
  return {
    add,
    load() {
      const out: ReadingRecord[] = [];
      quietly(() => {
        const s = storage();
        if (!s) return;
        // The first journal's one list (a page of the last version may have left one).
        const legacy: unknown = JSON.parse(s.getItem(LEGACY_KEY) ?? '[]');
        if (Array.isArray(legacy))
          for (const raw of legacy) {
            const r = asRecord(raw);
            if (r) add(r);
          }
        s.removeItem(LEGACY_KEY);
        for (let i = 0; i < s.length; i++) {
          const key = s.key(i);
          if (!key?.startsWith(JOURNAL_PREFIX)) continue;
          const r = parse(s.getItem(key));
          if (r && key === JOURNAL_PREFIX + r.storyId) out.push(r);
        }
      });
      return out;
    },
    remove(r) {
      const kept = at(r.storyId);
      if (kept?.updated === r.updated && samePlace(kept, r))
        quietly(() => storage()?.removeItem(JOURNAL_PREFIX + r.storyId));
    },
  };
}

/** `value` when it has a reading record's story id and time, else null. */
function asRecord(value: unknown): ReadingRecord | null {
  const r = value as Partial<ReadingRecord> | null;
  return typeof r === 'object' &&
    r !== null &&
    typeof r.storyId === 'string' &&
    typeof r.updated === 'string'
    ? (r as ReadingRecord)
    : null;
}

/** Whether two records keep the same archive row (a row kept later has the same `updated`). */
function samePlace(a: ReadingRecord, b: ReadingRecord): boolean {
  return a.place?.listing === b.place?.listing && a.place?.row === b.place?.row;
}

/** The journal in localStorage; a page without it (or full) simply has none. */
export const localJournal: ReadingJournal = storageJournal(() => globalThis.localStorage);

const noJournal: ReadingJournal = { load: () => [], add: () => undefined, remove: () => undefined };

/**
 * Reading state (read or not, where the reader stopped), in memory and in IndexedDB, live across
 * tabs. Losing it to a storage failure costs a bookmark, not research: it then simply lives as
 * long as the tab, and the notebook's banner already tells of the trouble.
 */
export function createReadingStore(o: {
  connect: () => Promise<NotebookDb>;
  now?: () => string;
  journal?: ReadingJournal;
}) {
  const now = o.now ?? (() => new Date().toISOString());
  const journal = o.journal ?? noJournal;
  const listeners = new Set<() => void>();
  // What the last page wrote and IndexedDB never confirmed: newer than what it holds.
  const pending = new Map(journal.load().map((r) => [r.storyId, r]));
  let records = new Map(pending);
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
        let replayed = false;
        opened.watchReading(
          (all) => {
            const local = records;
            records = new Map(all.map((r) => [r.storyId, r]));
            if (!replayed) {
              replayed = true;
              // The last page's unconfirmed writes go out again, unless what is stored is as new
              // (the write did land, or another tab wrote the story since).
              for (const r of [...pending.values()]) {
                const stored = records.get(r.storyId);
                // A row kept later has the record's own time (`place`): same time, other row,
                // and the row's write did not land.
                if (
                  stored &&
                  (stored.updated > r.updated ||
                    (stored.updated === r.updated && samePlace(stored, r)))
                ) {
                  pending.delete(r.storyId);
                  journal.remove(r);
                } else persist(r);
              }
            }
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

  /** Writes a record, journaled until IndexedDB has it (a later write of the story replaces it). */
  function persist(next: ReadingRecord) {
    pending.set(next.storyId, next);
    journal.add(next);
    void start().then(() =>
      db?.putReading(next).then(
        () => {
          // A later write of the story replaced this one, in the journal too.
          if (pending.get(next.storyId) !== next) return;
          pending.delete(next.storyId);
          journal.remove(next);
        },
        () => undefined,
      ),
    );
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
    persist(next);
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
      persist(next);
    },
    savePosition: (storyId: string, paragraph: number, progress: number) =>
      write(storyId, { paragraph, progress: Math.max(0, Math.min(1, progress)) }),
  };
}

export type ReadingStore = ReturnType<typeof createReadingStore>;
