import { useEffect } from 'react';
import type { CorpusView } from '../data/use-corpus';
import { corpusWorker } from '../worker/client';

/**
 * Feeds the corpus worker with every file as it arrives, so search, entities and related stories
 * are built in the background while the reader reads.
 */
export function useWorkerSync(corpus: CorpusView): void {
  const { manifest, files, total } = corpus;
  useEffect(() => {
    if (!manifest) return;
    const entries = manifest.files.flatMap((m) => {
      const file = files.get(m.id);
      return file ? [{ file, hash: m.hash }] : [];
    });
    corpusWorker.syncFiles(entries, total - corpus.failures.length);
  }, [manifest, files, total, corpus.failures.length]);
}
