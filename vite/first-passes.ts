import { Worker } from 'node:worker_threads';
import { firstPasses, joinPools, type Pools } from '../src/corpus/related/first-pass';
import type { RelatedIndex } from '../src/corpus/related/related-index';

/** Folders smaller than this take their first passes on one thread. */
export const MIN_STORIES = 20_000;

export interface FirstPassJob {
  index: RelatedIndex;
  from: number;
  to: number;
}

export type FirstPassReply = { pools: Pools } | { error: string };

/**
 * Every story's first pass (`firstPasses`) on two threads: this one takes the first half of the
 * stories, a second thread the rest, over the same index in shared memory. The first pass is
 * the one part of the tables that grows with the square of the folder (each story's head terms
 * have postings in proportion to the folder), so at 100,000 stories it is the longest, and its
 * stories are independent of each other. The result is the one `firstPasses` gives on one thread.
 */
export async function firstPassesOnThreads(
  index: RelatedIndex,
  minStories = MIN_STORIES,
): Promise<Pools> {
  const n = index.storyIds.length;
  // A second thread costs ~1 s to start (tsx); at 10,000 stories one thread takes 1–2 s.
  if (n < Math.max(2, minStories)) return firstPasses(index);
  const half = Math.ceil(n / 2);
  const other = passesOnThread({ index: shared(index), from: half, to: n });
  const mine = firstPasses(index, 0, half);
  return joinPools([mine, await other]);
}

function passesOnThread(job: FirstPassJob): Promise<Pools> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./first-pass-thread-entry.mjs', import.meta.url));
    worker.once('message', (m: FirstPassReply) => {
      void worker.terminate();
      if ('error' in m) reject(new Error(m.error));
      else resolve(m.pools);
    });
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the first-pass thread stopped')));
    worker.postMessage(job);
  });
}

/**
 * What the first pass reads of the index, with its big arrays in shared memory: posting it to
 * the second thread then copies the story ids and nothing else (the feature names are not read;
 * their count is `featureIdf`'s length).
 */
function shared(index: RelatedIndex): RelatedIndex {
  return { ...inSharedMemory(index), features: [] };
}

/**
 * The index with its big arrays in shared memory (those already there are kept, not copied).
 * The tables thread takes its index so before the first passes, which then copy nothing: at
 * 100,000 stories it held the arrays twice while the search chunks ran beside it.
 */
export function inSharedMemory(index: RelatedIndex): RelatedIndex {
  return {
    ...index,
    docStart: share(index.docStart),
    docFeature: share(index.docFeature),
    docWeight: share(index.docWeight),
    postStart: share(index.postStart),
    postDoc: share(index.postDoc),
    postWeight: share(index.postWeight),
  };
}

function share<T extends Uint16Array | Uint32Array | Float32Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const buffer = new SharedArrayBuffer(a.byteLength);
  const copy = new (a.constructor as new (b: SharedArrayBuffer) => T)(buffer);
  copy.set(a);
  return copy;
}
