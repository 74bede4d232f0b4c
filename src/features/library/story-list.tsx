import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { ListingRow } from '../../corpus/archive/listing';
import { markOnce } from '../../lib/perf';
import { scrollWindowTo } from '../../lib/scroll-window-to';
import { useDocumentOffset } from '../../lib/use-document-offset';
import { PendingRow, StoryRow } from './story-row';

/** Rows rendered beyond the viewport, so fast scrolling and arrow keys never show blanks. */
const OVERSCAN = 12;

/**
 * The library list, virtualized against the window scroll: 10,000 stories cost the DOM of the
 * ~30 on screen. Arrow keys (and j/k), Home/End move focus by index, scrolling the target row
 * into view first, since rows off screen do not exist in the DOM.
 */
export function StoryList({ rows, within }: { rows: ListingRow[]; within: URLSearchParams }) {
  return (
    <RowList
      count={rows.length}
      rowAt={(i) => rows[i]}
      keyAt={(i) => rows[i]?.id ?? i}
      within={within}
    />
  );
}

/**
 * The list over rows got by index: the whole folder's stories, or an archive's listing pages,
 * which `rowAt` answers as they arrive (undefined: a placeholder row) and `onRange` asks for.
 */
export function RowList({
  count,
  rowAt,
  keyAt,
  briefAt = (i) => rowAt(i)?.kind === 'brief',
  within,
  onRange,
  jumpTo,
}: {
  count: number;
  briefAt?: (i: number) => boolean;
  rowAt: (i: number) => ListingRow | undefined;
  keyAt: (i: number) => string | number;
  within: URLSearchParams;
  /** The rows on screen and around it, whenever they change. */
  onRange?: (first: number, last: number) => void;
  /** A row to scroll to (the archive's section jump), keyed so the same row can be asked twice. */
  jumpTo?: { row: number; key: number } | null;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const margin = useDocumentOffset(listRef);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: (i) => (briefAt(i) ? 84 : 104),
    overscan: OVERSCAN,
    scrollMargin: margin,
    getItemKey: keyAt,
    scrollToFn: scrollWindowTo,
    // The virtualizer writes the rows' `top` and the list's height itself when sizes change
    // (directDomUpdates): a row measured at mount (its ref, in React's commit) no longer
    // re-renders the whole list synchronously in that task (67 ms of a BBC cold visit's, traced),
    // only when the range of rows changes. Measured there still, not only by the ResizeObserver:
    // rows painted at their estimated places for one frame moved once measured (a layout shift).
    directDomUpdates: true,
    directDomUpdatesMode: 'position',
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
    if (e.key === 'ArrowDown' || e.key === 'j') next = Math.min(count - 1, i + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = count - 1;
    if (next < 0) return;
    e.preventDefault();
    focusRow(next);
  };

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const shown = items.length > 0 && rowAt(first) !== undefined;
  useEffect(() => {
    if (shown) markOnce('library-visible');
  }, [shown]);
  useEffect(() => {
    if (last >= 0) onRange?.(first, last);
  }, [onRange, first, last]);
  useEffect(() => {
    if (jumpTo) virtualizer.scrollToIndex(jumpTo.row, { align: 'start' });
  }, [jumpTo, virtualizer]);
  const { containerRef } = virtualizer;
  const setList = useCallback(
    (el: HTMLUListElement | null) => {
      listRef.current = el;
      containerRef(el);
    },
    [containerRef],
  );
  return (
    // Its height and the rows' `top` are the virtualizer's (directDomUpdates), not in the JSX.
    <ul ref={setList} aria-label="Stories" onKeyDown={onKeyDown} className="relative">
      {items.map((item) => {
        const row = rowAt(item.index);
        return row ? (
          <StoryRow
            key={item.key}
            story={row}
            within={within}
            index={item.index}
            setSize={count}
            measureRef={virtualizer.measureElement}
          />
        ) : (
          <PendingRow
            key={item.key}
            index={item.index}
            setSize={count}
            measureRef={virtualizer.measureElement}
          />
        );
      })}
    </ul>
  );
}
