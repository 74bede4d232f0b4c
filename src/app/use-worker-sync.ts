import { useEffect, useMemo } from 'react';
import type { CorpusView } from '../data/use-corpus';
import { corpusWorker } from '../worker/client';
import { folderFingerprint } from '../corpus/fingerprint';
import { isArchiveBuild } from '../data/archive-hint';
import { filesLikelyCached } from '../data/file-cache';

/**
 * Feeds the corpus worker with every file as it arrives, so search, entities and related stories
 * are built in the background while the reader reads, and with the build's analyses.
 */
export function useWorkerSync(corpus: CorpusView): void {
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
  useEffect(() => {
    if (!manifest || archive) return;
    const entries = manifest.files.flatMap((m) => {
      const file = files.get(m.id);
      return file ? [{ file, hash: m.hash }] : [];
    });
    corpusWorker.syncFiles(entries, total - corpus.failures.length, fingerprint);
  }, [manifest, archive, files, total, corpus.failures.length, fingerprint]);
}
