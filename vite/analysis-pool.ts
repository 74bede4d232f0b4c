import { Worker } from 'node:worker_threads';
import type { FileAnalysisCode } from '../src/corpus/entities/analysis-codec';

/** A file sent to an analysis thread. */
export interface AnalysisJob {
  hash: string;
  fileId: string;
  section: string | null;
  bytes: Uint8Array;
}

/** A thread's answer: the file's code, or null with the reason it is left to the browser. */
export interface AnalysisReply {
  hash: string;
  code: FileAnalysisCode | null;
  error?: string;
}

/** A file waiting for a thread; its bytes are read only when a thread takes it. */
export interface PendingFile {
  hash: string;
  fileId: string;
  section: string | null;
  size: number;
  read(): Promise<Uint8Array>;
}

/**
 * Analyses files on `threads` worker threads (analysis-thread.ts), biggest first so that one
 * long file does not leave a thread working alone at the end, and answers each through
 * `onReply`. A file that cannot be read, or whose thread dies, is answered with null and an
 * error: the browser analyses it. Resolves when every file is answered.
 */
export async function analyseOnThreads(
  files: readonly PendingFile[],
  threads: number,
  onReply: (reply: AnalysisReply, file: PendingFile) => void,
): Promise<void> {
  const queue = [...files].sort((a, b) => b.size - a.size);
  let next = 0;
  const failed = (file: PendingFile, err: unknown) =>
    onReply({ hash: file.hash, code: null, error: (err as Error)?.message ?? String(err) }, file);

  const runThread = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(new URL('./analysis-thread-entry.mjs', import.meta.url));
      let current: PendingFile | null = null;
      const take = async (): Promise<void> => {
        current = queue[next++] ?? null;
        if (!current) {
          await worker.terminate();
          return;
        }
        const file = current;
        let bytes: Uint8Array;
        try {
          bytes = await file.read();
        } catch (err) {
          failed(file, err);
          return take();
        }
        worker.postMessage({
          hash: file.hash,
          fileId: file.fileId,
          section: file.section,
          bytes,
        } satisfies AnalysisJob);
      };
      worker.on('message', (m: AnalysisReply | 'ready') => {
        if (m !== 'ready' && current) onReply(m, current);
        void take();
      });
      // A thread that dies (out of memory, or tsx missing) answers for its file; the other
      // threads go on with the queue.
      let death: unknown = new Error('the analysis thread stopped');
      worker.on('error', (err) => (death = err));
      worker.on('exit', () => {
        if (current) failed(current, death);
        resolve();
      });
    });

  await Promise.all(Array.from({ length: Math.max(1, threads) }, runThread));
  for (; next < queue.length; next++) failed(queue[next]!, new Error('no analysis thread left'));
}
