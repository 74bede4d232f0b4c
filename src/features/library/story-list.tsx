import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type React from 'react';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Story } from '../../corpus/types';
import { markOnce } from '../../lib/perf';
import { StoryRow } from './story-row';

/** Rows rendered beyond the viewport, so fast scrolling and arrow keys never show blanks. */
const OVERSCAN = 12;

/**
 * The library list, virtualized against the window scroll: 10,000 stories cost the DOM of the
 * ~30 on screen. Arrow keys (and j/k), Home/End move focus by index, scrolling the target row
 * into view first, since rows off screen do not exist in the DOM.
 */
export function StoryList({ stories, within }: { stories: Story[]; within: URLSearchParams }) {
  const listRef = useRef<HTMLUListElement>(null);
  const margin = useDocumentOffset(listRef);
  const virtualizer = useWindowVirtualizer({
    count: stories.length,
    estimateSize: (i) => (stories[i]?.kind === 'brief' ? 84 : 104),
    overscan: OVERSCAN,
    scrollMargin: margin,
    getItemKey: (i) => stories[i]?.id ?? i,
  });

  const focusRow = useCallback(
    (i: number) => {
      virtualizer.scrollToIndex(i, { align: 'auto' });
      // The row may mount only after the scroll: try now and on the next frames.
      let tries = 0;
      const attempt = () => {
        const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${i}"] [data-row]`);
        if (el) el.focus({ preventScroll: false });
        else if (tries++ < 5) requestAnimationFrame(attempt);
      };
      attempt();
    },
    [virtualizer],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(
      '[data-index]',
    );
    const i = current ? Number(current.dataset.index) : -1;
    let next = -1;
    if (e.key === 'ArrowDown' || e.key === 'j') next = Math.min(stories.length - 1, i + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = stories.length - 1;
    if (next < 0) return;
    e.preventDefault();
    focusRow(next);
  };

  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (items.length > 0) markOnce('library-visible');
  }, [items.length]);
  return (
    <ul
      ref={listRef}
      aria-label="Stories"
      onKeyDown={onKeyDown}
      className="relative"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {items.map((item) => {
        const story = stories[item.index]!;
        return (
          <StoryRow
            key={item.key}
            story={story}
            within={within}
            index={item.index}
            setSize={stories.length}
            measureRef={virtualizer.measureElement}
            top={item.start - virtualizer.options.scrollMargin}
          />
        );
      })}
    </ul>
  );
}

/**
 * The element's distance from the top of the document, kept current when anything above it
 * changes size (progress bar, filters): the virtualizer needs it to map window scroll to rows.
 */
function useDocumentOffset(ref: React.RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOffset(el.getBoundingClientRect().top + window.scrollY);
    const ro = new ResizeObserver(measure);
    ro.observe(el.parentElement ?? el);
    return () => ro.disconnect();
  }, [ref]);
  return offset;
}
