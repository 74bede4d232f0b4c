/**
 * The tables step's second thread (see `firstPassesOnThreads`): the first passes of a range of
 * stories over the related index it is sent, answered as typed arrays (moved, not copied).
 * Loaded through first-pass-thread-entry.mjs, which lets Node run TypeScript.
 */
import { parentPort } from 'node:worker_threads';
import { firstPasses } from '../src/corpus/related/first-pass';
import type { FirstPassJob, FirstPassReply } from './first-passes';

const port = parentPort!;

port.once('message', (job: FirstPassJob) => {
  try {
    const pools = firstPasses(job.index, job.from, job.to);
    port.postMessage({ pools } satisfies FirstPassReply, [
      pools.length.buffer as ArrayBuffer,
      pools.story.buffer as ArrayBuffer,
      pools.score.buffer as ArrayBuffer,
    ]);
  } catch (err) {
    port.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
});
