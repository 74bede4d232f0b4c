import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ArchiveInfo } from '../corpus/archive/archive-format';
import type { FileRows } from '../corpus/folder-listing';
import type { Manifest } from '../corpus/types';
import { memoizeLast } from '../lib/memoize-last';
import { corpusQuery, type FileFailure } from './corpus-api';
import { manifestQuery } from './seeds-api';

export function useManifest() {
  return useQuery(manifestQuery());
}

/**
 * The folder's load as the page sees it: each loaded file's listing rows (the worker holds the
 * files themselves), failures and progress. Views do not read it (they read `useFolderListing`
 * rows and `useStory` / `useStories` bodies); the layout keeps it loading.
 */
export interface ParsedFolder {
  manifest: Manifest | undefined;
  manifestError: Error | null;
  /** Each loaded file's rows and parsing notes, by file id. */
  files: ReadonlyMap<string, FileRows>;
  /** Folder-distinct titles by story id, once the load is done (null until then). */
  titles: ReadonlyMap<string, string> | null;
  failures: FileFailure[];
  done: number;
  total: number;
  loading: boolean;
  /** The folder is still loading (distinct titles wait for its end). */
  streaming: boolean;
  /** The archive form's listing and side data (then `files` stays empty): archive-api.ts. */
  archive: ArchiveInfo | null;
}

const EMPTY = new Map<string, FileRows>();
const NO_FAILURES = new Map<string, FileFailure>();
const failureList = memoizeLast((m: ReadonlyMap<string, FileFailure>) => [...m.values()]);

/** The whole folder as it streams in: loaded files' rows, per-file failures and progress. */
export function useParsedFolder(): ParsedFolder {
  const manifest = useManifest();
  const corpus = useQuery({
    ...corpusQuery(manifest.data ?? EMPTY_MANIFEST),
    // An archive lists no files: its views read listing pages and side groups (archive-api.ts).
    enabled: manifest.data !== undefined && !manifest.data.archive,
    placeholderData: keepPreviousData,
  });
  const streaming = corpus.fetchStatus === 'fetching';
  return {
    manifest: manifest.data,
    manifestError: manifest.error,
    files: corpus.data?.files ?? EMPTY,
    titles: corpus.data?.titles ?? null,
    failures: failureList(corpus.data?.failures ?? NO_FAILURES),
    done: corpus.data?.done ?? 0,
    total: manifest.data?.files.length ?? 0,
    loading: manifest.isPending || streaming,
    streaming,
    archive: manifest.data?.archive ?? null,
  };
}

const EMPTY_MANIFEST: Manifest = { version: 1, generatedAt: '', files: [], warnings: [] };
