import { useEffect, useMemo } from 'react';
import type { ParsedFolder } from '../data/use-parsed-folder';
import { corpusWorker } from '../worker/client';
import { folderFingerprint } from '../corpus/fingerprint';
import { isArchiveBuild } from '../data/archive-hint';
import { filesLikelyCached } from '../data/file-cache';

/**
 * Feeds the corpus worker with every file as it arrives, so search, entities and related stories
 * are built in the background while the reader reads, and with the build's analyses.
 */
export function useWorkerSync(corpus: ParsedFolder): void {
  const { manifest, files, total } = corpus;
  const fingerprint = useMemo(
    () => (manifest ? folderFingerprint(manifest.files) : ''),
    [manifest],
  );
  // Before the files (effects run in order): the worker then takes their analyses from the
  // build's names packs instead of analysing them.
  // An archive's browser starts no worker (src/data/archive-hint.ts).
  const archive = manifest?.archive !== undefined || isArchiveBuild();
  useEffect(() => {
    if (!manifest) return;
    // An archive's worker starts on its first search (chunks alone), not here.
    if (!archive) corpusWorker.offerNames(manifest, filesLikelyCached());
    corpusWorker.offerChunks(manifest);
  }, [manifest, archive]);
  const known = total - corpus.failures.length;
  useEffect(() => {
    if (!manifest || archive) return;
    // In a task of its own: each batch of files is posted (structured-cloned) on the main thread,
    // ~25 ms for a BBC pack's, and a batch's render is synchronous (a query store's update), so
    // React ran this effect in the same task as that render and commit (a 59 ms task, traced).
    // Not cancelled by the next batch's effect: timers run in order, each sends what it knew,
    // and a stream of batches cannot hold the files back.
    setTimeout(() => {
      const entries = manifest.files.flatMap((m) => {
        const file = files.get(m.id);
        return file ? [{ file, hash: m.hash }] : [];
      });
      corpusWorker.syncFiles(entries, known, fingerprint);
    }, 0);
  }, [manifest, archive, files, known, fingerprint]);
}
