import { useEffect } from 'react';
import type { Manifest } from '../corpus/types';
import { corpusWorker } from '../worker/client';
import { isArchiveBuild } from '../data/archive-hint';
import { filesLikelyCached } from '../data/file-cache';

/**
 * Tells the corpus worker where the build's analyses, tables and search chunks are, for every
 * manifest (a folder edited under `npm run dev` brings a new one). The worker loads the folder's
 * files itself, when the data layer's folder query asks (src/data/corpus-api.ts).
 */
export function useWorkerSync(manifest: Manifest | undefined): void {
  // An archive's browser starts no worker (src/data/archive-hint.ts).
  const archive = manifest?.archive !== undefined || isArchiveBuild();
  useEffect(() => {
    if (!manifest) return;
    // An archive's worker starts on its first search (chunks alone), not here.
    if (!archive) corpusWorker.offerNames(manifest, filesLikelyCached());
    corpusWorker.offerChunks(manifest);
  }, [manifest, archive]);
}
