import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArchiveInfo } from '../corpus/archive/archive-format';
import type { Manifest, ParsedFile } from '../corpus/types';
import { corpusQuery, type FileFailure } from './corpus-api';
import { manifestQuery } from './seeds-api';

export function useManifest() {
  return useQuery(manifestQuery());
}

/**
 * The parsed folder itself. Views do not read it (they read `useFolderListing` rows and
 * `useStory` / `useStories` bodies); the worker's feed does, and the listing is made from it.
 */
export interface ParsedFolder {
  manifest: Manifest | undefined;
  manifestError: Error | null;
  files: ReadonlyMap<string, ParsedFile>;
  failures: FileFailure[];
  done: number;
  total: number;
  loading: boolean;
  /** The folder stream is still delivering files (distinct titles wait for its end). */
  streaming: boolean;
  /** The archive form's listing and side data (then `files` stays empty): archive-api.ts. */
  archive: ArchiveInfo | null;
}

const EMPTY = new Map<string, ParsedFile>();

/** The whole folder as it streams in: parsed files, per-file failures and progress. */
export function useParsedFolder(): ParsedFolder {
  const client = useQueryClient();
  const manifest = useManifest();
  const corpus = useQuery({
    ...corpusQuery(client, manifest.data ?? EMPTY_MANIFEST),
    // An archive lists no files: its views read listing pages and side groups (archive-api.ts).
    enabled: manifest.data !== undefined && !manifest.data.archive,
    placeholderData: keepPreviousData,
  });
  const streaming = corpus.fetchStatus === 'fetching';
  return {
    manifest: manifest.data,
    manifestError: manifest.error,
    files: corpus.data?.files ?? EMPTY,
    failures: corpus.data?.failures ?? [],
    done: corpus.data?.done ?? 0,
    total: manifest.data?.files.length ?? 0,
    loading: manifest.isPending || streaming,
    streaming,
    archive: manifest.data?.archive ?? null,
  };
}

const EMPTY_MANIFEST: Manifest = { version: 1, generatedAt: '', files: [], warnings: [] };
