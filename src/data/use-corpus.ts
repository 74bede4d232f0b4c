import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArchiveInfo } from '../corpus/archive/archive-format';
import { orderStories, storyOrder } from '../corpus/library';
import type { Manifest, ManifestFile, ParsedFile, Story } from '../corpus/types';
import { memoizeLast } from '../lib/memoize-last';
import { corpusQuery, type FileFailure } from './corpus-api';
import { manifestQuery } from './seeds-api';

export function useManifest() {
  return useQuery(manifestQuery());
}

export interface CorpusView {
  manifest: Manifest | undefined;
  manifestError: Error | null;
  stories: Story[];
  order: string[];
  files: ReadonlyMap<string, ParsedFile>;
  failures: FileFailure[];
  done: number;
  total: number;
  loading: boolean;
  /** The archive form's listing and side data (then `stories` stays empty): archive-api.ts. */
  archive: ArchiveInfo | null;
}

const EMPTY = new Map<string, ParsedFile>();

/** The whole folder as it streams in: ordered stories, per-file failures and progress. */
export function useCorpus(): CorpusView {
  const client = useQueryClient();
  const manifest = useManifest();
  const corpus = useQuery({
    ...corpusQuery(client, manifest.data ?? EMPTY_MANIFEST),
    // An archive lists no files: its views read listing pages and side groups (archive-api.ts).
    enabled: manifest.data !== undefined && !manifest.data.archive,
    placeholderData: keepPreviousData,
  });
  const files = corpus.data?.files ?? EMPTY;
  const manifestFiles = manifest.data?.files;
  // Distinct titles need the whole folder; while it streams in, plain order is enough.
  const streaming = corpus.fetchStatus === 'fetching';
  // Shared memos, not useMemo: the layout and the page both call useCorpus, and at 10,000 files
  // each ordering costs ~7 ms per batch.
  const stories = orderedStories(manifestFiles ?? NO_FILES, files, !streaming);
  const order = orderedIds(manifestFiles ?? NO_FILES, files);
  return {
    manifest: manifest.data,
    manifestError: manifest.error,
    stories,
    order,
    files,
    failures: corpus.data?.failures ?? [],
    done: corpus.data?.done ?? 0,
    total: manifest.data?.files.length ?? 0,
    loading: manifest.isPending || corpus.fetchStatus === 'fetching',
    archive: manifest.data?.archive ?? null,
  };
}

const NO_FILES: ManifestFile[] = [];
const orderedStories = memoizeLast(orderStories);
const orderedIds = memoizeLast(storyOrder);

const EMPTY_MANIFEST: Manifest = { version: 1, generatedAt: '', files: [], warnings: [] };
