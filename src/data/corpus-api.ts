import {
  experimental_streamedQuery as streamedQuery,
  queryOptions,
  type QueryClient,
} from '@tanstack/react-query';
import type { Manifest, ManifestFile, ParsedFile } from '../corpus/types';
import { filesLikelyCached, markFolderCached, readCachedFiles } from './file-cache';
import { folderFingerprint } from '../corpus/fingerprint';
import { packsEnabled } from './pack-api';
import { streamPacks } from './pack-stream';
import { fileQuery } from './seeds-api';
import { corpusWorker } from '../worker/client';
import { whenMilestone } from '../lib/perf';
import { fileHint } from './file-hint';

/** How many files are fetched at once: enough to fill HTTP/2, few enough to keep the page responsive. */
const FETCH_CONCURRENCY = 8;
/** Loaded files are handed to React in batches at most this often (ms), not one render per file. */
const BATCH_MS = 120;
/** Files read from IndexedDB first, before anything else, on a warm start: the library's first screen. */
const FIRST_SCREEN_FILES = 40;

export interface FileFailure {
  file: ManifestFile;
  message: string;
}

export interface CorpusState {
  /** Parsed files keyed by file id, in arrival order. */
  files: Map<string, ParsedFile>;
  failures: FailureList;
  done: number;
  total: number;
}
type FailureList = FileFailure[];

type Chunk = { files: ParsedFile[]; failures: FileFailure[] };

/**
 * The whole folder, streamed: data grows batch by batch as files arrive, so the library shows
 * stories while the rest loads. Files fetched one by one go through `fileQuery`, so a story view
 * that asked for its own file first shares that request.
 */
export const corpusQuery = (client: QueryClient, manifest: Manifest) =>
  queryOptions({
    queryKey: corpusKey(manifest),
    queryFn: streamedQuery<Chunk, CorpusState>({
      streamFn: ({ signal }) => streamFiles(client, manifest, signal),
      reducer: (acc, chunk) => {
        const files = new Map(acc.files);
        for (const f of chunk.files) files.set(f.fileId, f);
        const failures = [...acc.failures, ...chunk.failures];
        return { files, failures, done: files.size + failures.length, total: acc.total };
      },
      initialValue: { files: new Map(), failures: [], done: 0, total: manifest.files.length },
      refetchMode: 'replace',
    }),
    staleTime: Infinity,
  });

const corpusKey = (manifest: Manifest) =>
  ['seeds', 'corpus', manifest.generatedAt, manifest.files.length] as const;

/**
 * A file the folder stream already holds. Streamed files are not also put in the cache one query
 * each (10,000 query objects and their timers were megabytes of heap); a story view asks here
 * first (`initialData`) and only fetches a file the stream has not reached yet.
 */
export function streamedFile(
  client: QueryClient,
  manifest: Manifest,
  fileId: string,
): ParsedFile | undefined {
  return client.getQueryData<CorpusState>(corpusKey(manifest))?.files.get(fileId);
}

async function* streamFiles(
  client: QueryClient,
  manifest: Manifest,
  signal: AbortSignal,
): AsyncGenerator<Chunk> {
  const files = manifest.files;
  let pending: Chunk = { files: [], failures: [] };
  /** Files still to fetch: all of them, less those the IndexedDB cache answers. */
  let todo: ManifestFile[] = files;
  let wake: (() => void) | null = null;
  let next = 0;
  let running = 0;

  const startMore = () => {
    while (running < FETCH_CONCURRENCY && next < todo.length && !signal.aborted) {
      const file = todo[next++]!;
      running++;
      client
        .fetchQuery(fileQuery(file))
        .then((parsed) => pending.files.push(parsed))
        .catch((err: unknown) => {
          failed = true;
          pending.failures.push({ file, message: (err as Error).message });
        })
        .finally(() => {
          running--;
          startMore();
          wake?.();
        });
    }
  };
  const hasPending = () => pending.files.length > 0 || pending.failures.length > 0;
  const finished = () => running === 0 && next >= todo.length;
  let failed = false;

  const cached = filesLikelyCached();
  const hint = fileHint();
  // Warm start: files parsed on an earlier visit come from IndexedDB in slices, each going out as
  // a batch (the library shows the first ones at once); only the rest (new or changed files)
  // touch the network.
  const cold: ManifestFile[] = [];
  async function* fromCache(list: ManifestFile[]): AsyncGenerator<Chunk> {
    for await (const slice of readCachedFiles(list)) {
      if (signal.aborted) return;
      const warm: ParsedFile[] = [];
      slice.files.forEach((f, i) => {
        const hit = slice.parsed[i];
        if (hit) warm.push(hit);
        else cold.push(f);
      });
      if (warm.length) yield { files: warm, failures: [] };
    }
  }
  // The library's first screen is a small read (~40 files): at once, as a first visit's first
  // pack is fetched at once; waiting for the worker's index below put a warm reload's first row
  // after a cold visit's.
  const firstScreen = cached && !hint ? files.slice(0, FIRST_SCREEN_FILES) : [];
  yield* fromCache(firstScreen);
  if (signal.aborted) return;
  // The worker reads its cached search index before the rest (see whenCacheChecked): it is what
  // a warm reload's search waits for, and two large reads at once slow each other down. A first
  // visit has nothing to read: it goes to the network at once.
  if (cached) await corpusWorker.whenCacheChecked(300);
  // On a story's page the story paints first: parsing the folder beside it (2 cores, slices
  // interleaved with React's render) delayed the paint by ~150 ms.
  if (hint) await whenMilestone('story-painted', 1500);
  if (cached) yield* fromCache(files.slice(firstScreen.length));
  if (signal.aborted) return;
  const missing = cached ? cold : files;
  todo = missing;

  // Missing files come from the build's packs when there are any (a few requests, not
  // thousands); files of a pack that fails, and every file in dev, are fetched one by one below.
  if (manifest.packs?.length && missing.length && packsEnabled()) {
    const leftovers: ManifestFile[] = [];
    for await (const chunk of streamPacks(manifest.packs, missing, signal)) {
      leftovers.push(...chunk.leftovers);
      if (chunk.files.length) yield { files: chunk.files, failures: [] };
    }
    const packed = new Set(manifest.packs.flatMap((p) => p.files.map((f) => f.id)));
    todo = [...leftovers, ...missing.filter((f) => !packed.has(f.id))];
  }

  startMore();
  let lastYield = -Infinity; // the first batch goes out at once: first paint matters most
  while (!signal.aborted && !finished()) {
    // IMPORTANT: state is re-checked before sleeping, so completions that landed while the
    // consumer held the last batch are never missed. Sleep until a completion or the batch timer.
    await new Promise<void>((resolve) => {
      wake = resolve;
      if (hasPending())
        setTimeout(resolve, Math.max(0, BATCH_MS - (performance.now() - lastYield)));
    });
    wake = null;
    if (hasPending() && !finished() && performance.now() - lastYield >= BATCH_MS) {
      lastYield = performance.now();
      const out = pending;
      pending = { files: [], failures: [] };
      yield out;
    }
  }
  if (hasPending()) yield pending;
  if (!failed && !signal.aborted) markFolderCached(folderFingerprint(files));
}
