import { QueryClient } from '@tanstack/react-query';
import { SEEDS_CHANGED_EVENT } from '../data/live-events';
import { filesLikelyCached } from '../data/file-cache';
import type { ArchiveInfo } from '../corpus/archive/archive-format';
import { paths } from '../config/paths';
import { filterGroupQuery, listingPageQuery, sideGroupQuery } from '../data/archive-queries';
import { isArchiveBuild } from '../data/archive-hint';
import { latestPathname } from '../lib/router';
import { fileHint } from '../data/file-hint';
import { fileQuery, manifestQuery } from '../data/seeds-api';
import { followEngine } from '../data/analysis-sync';
import { startFolderLoad } from '../data/corpus-api';
import { corpusWorker } from '../worker/client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { refetchOnWindowFocus: false, retry: 1 },
  },
});

// The worker's phases refresh the analysis queries they change (their keys do not carry them).
followEngine(queryClient, corpusWorker);

// The manifest is needed by every page: ask for it at boot, in parallel with the lazy page chunk,
// rather than after it (a deep link then waits for one round trip fewer). The worker hears of it
// at once too, not from useWorkerSync's effect after the render it causes (~45 ms later in a
// traced warm reload, load ~4): its fingerprint decides whether the cached search index is taken,
// which a warm reload's first search waits for. Names first, as useWorkerSync sends them.
void queryClient.fetchQuery(manifestQuery()).then(
  (manifest) => {
    // An archive's browser never holds the folder: no packs, and no worker until a search.
    // What the first view reads is asked for now, not after the page's chunk has rendered.
    if (manifest.archive) {
      // Its search chunks: the worker is told them when a first search starts it.
      corpusWorker.offerChunks(manifest);
      return prefetchArchiveView(manifest.archive);
    }
    corpusWorker.offerNames(manifest, filesLikelyCached());
    corpusWorker.offerChunks(manifest);
    // The worker loads the folder (fetch, parse, index) from now; the page gets its rows.
    startFolderLoad(manifest);
  },
  () => undefined,
);
/**
 * The listing's first page on the library, the story's side group on a story's page; on a library
 * filtered by names their filter groups instead (the first page is seldom theirs).
 */
function prefetchArchiveView(info: ArchiveInfo): void {
  const path = latestPathname();
  const storyId = paths.story.idFromPath(path);
  if (storyId) return void queryClient.prefetchQuery(sideGroupQuery(info, storyId));
  if (path !== '/') return;
  const params = new URLSearchParams(window.location.search);
  const entities = params.getAll('entity').filter(Boolean);
  if (entities.length && info.filters)
    for (const id of entities) void queryClient.prefetchQuery(filterGroupQuery(info, id));
  else if (info.pages.length) void queryClient.prefetchQuery(listingPageQuery(info, 0));
}

// A story's preview page names its file: a deep link fetches it now, not after the manifest.
const hint = fileHint();
if (hint) void queryClient.prefetchQuery(fileQuery(hint));
// The worker too: it reads the last visit's search index while the manifest is on its way, and
// downloads and decodes the entity model. On a story's page as well: the opened story's names
// need the model, and starting it after the paint left them 260-790 ms behind the text (BBC deep
// links); started at boot they follow in ~110-160 ms, and the paint was not slower.
if (!isArchiveBuild()) corpusWorker.start();

// In `npm run dev` the seeds plugin tells us when a file in the folder was added, changed or
// removed; refetching the manifest makes the page follow the folder without a restart.
if (import.meta.hot) {
  import.meta.hot.on(SEEDS_CHANGED_EVENT, () => {
    void queryClient.invalidateQueries({ queryKey: ['seeds', 'manifest'] });
  });
}
