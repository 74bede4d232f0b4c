import { planMerge, type MergePlan } from '../../corpus/notebook/merge';
import type { Annotation } from '../../corpus/notebook/types';
import type { NotebookDb } from './notebook-db';
import { describeStorageError, updatedElsewhere, type StorageProblem } from './storage-problem';

/**
 * The notebook in memory, kept in step with IndexedDB (and so with other tabs), for React to read
 * through `useSyncExternalStore`. Writes show at once and are saved behind; a write that fails
 * stays in memory (`pending`), counted as unsaved, retried on the next write or on request, and
 * exported like the rest: storage trouble never loses what was typed.
 */

export interface NotebookSnapshot {
  /** 'memory-only': IndexedDB refused; the notebook lives as long as the tab. */
  status: 'loading' | 'ready' | 'memory-only';
  /** Every annotation, oldest first. */
  annotations: readonly Annotation[];
  byId: ReadonlyMap<string, Annotation>;
  problem: StorageProblem | null;
  /** Changes that are not in storage yet. */
  unsaved: number;
  /** Whether the browser promised to keep the data (null: not asked yet, or no such API). */
  persisted: boolean | null;
}

export type NewAnnotation = Omit<Annotation, 'id' | 'created' | 'modified'>;

export type UpdateResult =
  { status: 'saved' | 'unsaved' | 'missing' } | { status: 'conflict'; stored: Annotation };

export interface NotebookStoreOptions {
  connect: () => Promise<NotebookDb>;
  makeId?: () => string;
  now?: () => string;
  /** Asks the browser to keep the data (navigator.storage.persist); resolves to its answer. */
  persist?: () => Promise<boolean | null>;
}

export function createNotebookStore(o: NotebookStoreOptions) {
  const makeId = o.makeId ?? randomUrn;
  const now = o.now ?? (() => new Date().toISOString());
  const listeners = new Set<() => void>();
  let stored = new Map<string, Annotation>();
  /** Local changes not confirmed by storage; null is a deletion. */
  const pending = new Map<string, Annotation | null>();
  let db: NotebookDb | null = null;
  let status: NotebookSnapshot['status'] = 'loading';
  let problem: StorageProblem | null = null;
  let persisted: boolean | null = null;
  let askedPersist = false;
  let snapshot = build();
  let started: Promise<void> | null = null;

  function build(): NotebookSnapshot {
    const byId = new Map(stored);
    for (const [id, a] of pending) {
      if (a) byId.set(id, a);
      else byId.delete(id);
    }
    const annotations = [...byId.values()].sort(
      (a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id),
    );
    return { status, annotations, byId, problem, unsaved: pending.size, persisted };
  }

  function emit() {
    snapshot = build();
    listeners.forEach((l) => l());
  }

  function start(): Promise<void> {
    started ??= o.connect().then(
      (opened) => {
        db = opened;
        status = 'ready';
        opened.onBlocked(() => fail(updatedElsewhere()));
        opened.watchAnnotations(
          (all) => {
            stored = new Map(all.map((a) => [a.id, a]));
            // A pending change that storage now holds exactly is confirmed.
            for (const [id, a] of pending) {
              if (a === null ? !stored.has(id) : stored.get(id)?.modified === a.modified)
                pending.delete(id);
            }
            emit();
          },
          (e) => fail(describeStorageError(e, false)),
        );
        if (pending.size) void flush();
        emit();
      },
      (e: unknown) => {
        status = 'memory-only';
        fail(describeStorageError(e, true));
      },
    );
    return started;
  }

  function fail(p: StorageProblem) {
    problem = p;
    emit();
  }

  /** Writes every pending change; what fails stays pending. */
  async function flush(): Promise<boolean> {
    if (!db) return false;
    const batch = [...pending];
    try {
      const puts = batch.map(([, a]) => a).filter((a): a is Annotation => a !== null);
      if (puts.length) await db.putAnnotations(puts);
      for (const [id, a] of batch) if (a === null) await db.deleteAnnotation(id);
    } catch (e) {
      fail(describeStorageError(e, false));
      return false;
    }
    for (const [id, a] of batch) {
      if (pending.get(id) !== a) continue;
      pending.delete(id);
      if (a) stored.set(id, a);
      else stored.delete(id);
    }
    if (problem && problem.kind !== 'unavailable' && problem.kind !== 'updated-elsewhere')
      problem = null;
    emit();
    return true;
  }

  function stage(id: string, a: Annotation | null): Promise<boolean> {
    pending.set(id, a);
    emit();
    return start().then(flush);
  }

  async function askPersistence() {
    if (askedPersist || !o.persist) return;
    askedPersist = true;
    persisted = await o.persist().catch(() => null);
    emit();
  }

  return {
    subscribe(l: () => void): () => void {
      void start();
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getSnapshot: (): NotebookSnapshot => snapshot,
    ready: () => start(),

    /** Makes a highlight; it is on screen at once and saved behind. */
    create(input: NewAnnotation): Annotation {
      const t = now();
      const a: Annotation = { ...input, id: makeId(), created: t, modified: t };
      void stage(a.id, a);
      void askPersistence();
      return a;
    },

    /**
     * Changes colour or note. With `expectNote` (the text the editor started from), a note that
     * another tab changed meanwhile is not overwritten: the stored record comes back instead.
     */
    async update(
      id: string,
      patch: Partial<Pick<Annotation, 'color' | 'note'>>,
      expectNote?: string,
    ): Promise<UpdateResult> {
      const current = snapshot.byId.get(id);
      if (!current) return { status: 'missing' };
      const next = { ...current, ...patch, modified: later(now(), current.modified) };
      await start();
      if (db && !pending.has(id)) {
        try {
          const r = await db.patchAnnotation(id, { ...patch, modified: next.modified }, expectNote);
          if (r.status === 'conflict') return { status: 'conflict', stored: r.stored };
          if (r.status === 'missing') return { status: 'missing' };
          stored.set(id, r.record);
          if (problem?.kind === 'write-failed' || problem?.kind === 'quota') problem = null;
          emit();
          return { status: 'saved' };
        } catch (e) {
          fail(describeStorageError(e, false));
        }
      }
      return { status: (await stage(id, next)) ? 'saved' : 'unsaved' };
    },

    /** Deletes; returns the record so that it can be restored (undo). */
    remove(id: string): Annotation | null {
      const a = snapshot.byId.get(id) ?? null;
      if (a) void stage(id, null);
      return a;
    },

    restore(a: Annotation): void {
      void stage(a.id, { ...a });
    },

    /** Moves a highlight (re-attach): new selectors and hash, the same id, colour and note. */
    reattach(
      id: string,
      place: Pick<Annotation, 'quote' | 'position' | 'sourceHash' | 'storyTitle'>,
    ): void {
      const a = snapshot.byId.get(id);
      if (a) void stage(id, { ...a, ...place, modified: later(now(), a.modified) });
    },

    /** Merges imported annotations: new ones added, newer versions taken, copies skipped. */
    async importAnnotations(incoming: readonly Annotation[]): Promise<MergePlan> {
      await start();
      const plan = planMerge(snapshot.byId.values(), incoming);
      for (const a of plan.put) pending.set(a.id, a);
      emit();
      await flush();
      return plan;
    },

    /** Tries the unsaved changes again (after space was freed). */
    retry: () => flush(),
  };
}

export type NotebookStore = ReturnType<typeof createNotebookStore>;

/** An ISO instant after `prev`, so every change has a newer `modified` even within one ms. */
function later(t: string, prev: string): string {
  return t > prev ? t : new Date(Date.parse(prev) + 1).toISOString();
}

/** `urn:uuid:` + a random v4 UUID (crypto.randomUUID needs a secure context; this does not). */
export function randomUrn(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
