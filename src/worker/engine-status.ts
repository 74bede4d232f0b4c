import type { AnalysisQueue } from './analysis-queue';
import type { AnalysisStore } from './analysis-store';
import type { FolderResults } from './corpus-tables';
import type { FolderStore } from './folder-store';
import type { WorkerStatus } from './protocol';
import type { SearchBuild } from './search-build';

/** The engine's parts a status message reads (CorpusEngine's own, never copied). */
export interface StatusParts {
  folder: FolderStore;
  store: AnalysisStore;
  build: SearchBuild;
  results: FolderResults;
  analysis: AnalysisQueue;
}

/**
 * The status message of the engine's parts: counts, and the flags the main thread turns into
 * phases (engine-phases.ts). Kept apart from the engine so that what the protocol says about
 * each part is in one place.
 */
export function engineStatus(p: StatusParts): WorkerStatus {
  const loaded = p.folder.loaded();
  return {
    type: 'status',
    files: p.folder.fileCount,
    totalFiles: p.folder.total,
    stories: p.folder.stories.size,
    analysed: p.store.size,
    epoch: p.results.epoch,
    searchReady: (loaded && p.build.waiting === 0) || p.build.fromCache,
    searchFromCache: p.build.fromCache,
    cacheChecked: p.build.cacheChecked,
    searchWarm: p.build.warm,
    searchComplete: p.build.complete,
    entitiesReady: p.results.table !== null,
    relatedReady: p.results.related !== null,
    builtTables: p.results.fromBuild,
    namesComplete: p.results.complete,
    analysisMs: p.analysis.ms,
    cachedFiles: p.store.cachedFiles,
    builtFiles: p.store.builtFiles,
  };
}
