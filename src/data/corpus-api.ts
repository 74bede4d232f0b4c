import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query';
import type { FileRows } from '../corpus/folder-listing';
import type { Manifest } from '../corpus/types';
import type { FolderLoadOptions } from '../worker/folder-feed';
import type { FileFailure, FolderEvent } from '../worker/protocol';
import { corpusWorker } from '../worker/client';
import { filesLikelyCached, rememberFolderCached } from './file-cache';
import { fileHint } from './file-hint';

export type { FileFailure };

/**
 * The folder as the page holds it: each loaded file's listing rows, never its text. The corpus
 * worker fetches, parses and keeps the files (src/worker/folder-loader.ts) and posts these.
 */
export interface CorpusState {
  /** Each loaded file's rows and parsing notes, by file id. */
  files: ReadonlyMap<string, FileRows>;
  /** Files that could not be loaded, by file id (the rest of the folder goes on). */
  failures: ReadonlyMap<string, FileFailure>;
  /** Derived titles made distinct across the folder, by story id: set once the load is done. */
  titles: ReadonlyMap<string, string> | null;
  done: number;
  total: number;
}

/** How this page loads its folder: decided here, where localStorage, the URL and the page are. */
export function folderLoadOptions(): FolderLoadOptions {
  return {
    cached: filesLikelyCached(),
    waitForPaint: fileHint() !== null,
    // `?packs=0` fetches every file on its own (kept to measure one request per file).
    packs:
      typeof location === 'undefined' || new URLSearchParams(location.search).get('packs') !== '0',
  };
}

/** Starts the folder's load in the worker now (at boot), before the page's query reads it. */
export function startFolderLoad(manifest: Manifest): void {
  corpusWorker.loadFolder(manifest, folderLoadOptions());
}

/**
 * The whole folder, streamed: data grows event by event as the worker loads files, so the
 * library shows stories while the rest loads. Events are keyed by file, so the same file told
 * twice (the worker restarted after a crash loads the folder again) changes nothing.
 */
export const corpusQuery = (manifest: Manifest) =>
  queryOptions({
    queryKey: corpusKey(manifest),
    queryFn: streamedQuery<FolderEvent, CorpusState>({
      streamFn: ({ signal }) => folderEvents(manifest, signal),
      reducer: addEvent,
      initialValue: {
        files: new Map(),
        failures: new Map(),
        titles: null,
        done: 0,
        total: manifest.files.length,
      },
      refetchMode: 'replace',
    }),
    staleTime: Infinity,
  });

const corpusKey = (manifest: Manifest) =>
  ['seeds', 'corpus', manifest.generatedAt, manifest.files.length] as const;

const folderEvents = (manifest: Manifest, signal: AbortSignal) =>
  corpusWorker.folderEvents(manifest, folderLoadOptions(), signal);

// Every file reached IndexedDB: the next visit reads the folder from there first.
corpusWorker.onFolderCached(rememberFolderCached);

/** The state with one more event of the load (pure; exported for tests). */
export function addEvent(acc: CorpusState, e: FolderEvent): CorpusState {
  let { files, failures } = acc;
  // A failure of a file loaded already (a restarted worker that could not read it again) is
  // not one: its rows are there.
  const failed = e.failures.filter((f) => files.get(f.file.id)?.hash !== f.file.hash);
  if (failed.length) {
    const next = new Map(failures);
    for (const f of failed) next.set(f.file.id, f);
    failures = next;
  }
  if (e.files.length) {
    const next = new Map(files);
    for (const f of e.files) next.set(f.fileId, f);
    files = next;
    // Loaded after all (the restarted worker's second try): no longer a failure.
    if (e.files.some((f) => failures.has(f.fileId))) {
      failures = new Map(failures);
      for (const f of e.files) (failures as Map<string, FileFailure>).delete(f.fileId);
    }
  }
  const titles = e.end ? new Map(e.end.titles) : acc.titles;
  return { files, failures, titles, done: files.size + failures.size, total: acc.total };
}
