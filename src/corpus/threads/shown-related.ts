import type { RelatedIndex } from '../related/related-index';
import type { RelatedHit } from '../related/related-query';
import type { Threads } from './build-threads';
import {
  eventSimilarity,
  RELATED_MIN,
  RELATED_SHARES,
  type ThreadVectors,
} from './thread-similarity';

/**
 * The related stories a reader is shown: those related at all (similarity ≥ RELATED_MIN)
 * and not in the story's own thread (listed above them). The worker's sidebar and
 * `npm run eval:related` both use it.
 */
export function shownRelated(
  index: RelatedIndex,
  vectors: ThreadVectors,
  threads: Threads | null,
  storyId: string,
  hits: readonly RelatedHit[],
  dense: Float32Array = new Float32Array(vectors.dims),
  /** A story's index position (a lookup when asked for many stories: a search is O(n)). */
  pos = (id: string): number => index.storyIds.indexOf(id),
): RelatedHit[] {
  const d = pos(storyId);
  const t = threads?.threadOf[storyId];
  return hits.filter(
    (h) =>
      (t === undefined || threads!.threadOf[h.storyId] !== t) &&
      eventSimilarity(vectors, d, pos(h.storyId), dense, RELATED_SHARES) >= RELATED_MIN,
  );
}
