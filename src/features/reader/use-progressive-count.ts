import { useEffect, useState } from 'react';

/**
 * How many items (paragraph groups) to render now, given the counts after each slice
 * (`sliceEnds`): the first slice at once, then one more per idle period. A normal story is one
 * slice and renders whole at once. A very long one (the 20 MB one-line file, ~8,700 paragraphs,
 * rendered whole before its first paint took seconds) paints its first screen at once and the
 * rest of the text follows within seconds.
 *
 * Rejected: windowing (@tanstack/react-virtual, as the library list does). Paragraphs outside
 * the window would not exist, so find-in-page (Ctrl+F) and a screen reader's browse mode would
 * never see them. Rendering progressively leaves the whole text in the DOM once it is done;
 * `content-visibility: auto` keeps the layout of the off-screen part away.
 *
 * `mustShow` items (up to a `#p5` target, or the first search hit) are rendered at once, with
 * everything before them, so the text stays in order.
 */
export function useProgressiveCount(ends: readonly number[], mustShow: number): number {
  const [slice, setSlice] = useState(0);
  const total = ends[ends.length - 1] ?? 0;
  const shown = Math.min(total, Math.max(ends[slice] ?? total, mustShow));
  useEffect(() => {
    if (shown >= total) return;
    // The next slice that adds something (a jump to `mustShow` may have passed a few).
    const next = ends.findIndex((e) => e > shown);
    return whenIdle(() => setSlice(next));
  }, [ends, shown, total]);
  return shown;
}

/** Runs `fn` when the main thread is idle (soon anyway); returns a canceller. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    // The timeout keeps the text coming while something else keeps the thread busy.
    const id = requestIdleCallback(fn, { timeout: 200 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 16);
  return () => clearTimeout(id);
}
