import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ThreadRow } from '../../corpus/archive/thread-listing';
import { paths } from '../../config/paths';
import { useArchiveThread } from '../../data/archive-threads';
import { Link } from '../../lib/router';
import { useToggleSet } from '../../lib/use-toggle-set';
import { useDocumentOffset } from '../../lib/use-document-offset';
import { ThreadStories } from './thread-list';

/** Rows rendered beyond the viewport, as the story list's. */
const OVERSCAN = 8;

/**
 * An archive's library by thread (`?view=threads`): every thread, largest first, virtualized
 * against the window scroll, rows got by index as their pages arrive (`rowAt`; undefined: a
 * placeholder) and asked for with `onRange`. A row opens to its stories from its thread group
 * (the thread page's data), fetched only when opened.
 */
export function ArchiveThreadList({
  count,
  rowAt,
  onRange,
}: {
  count: number;
  rowAt: (i: number) => ThreadRow | undefined;
  onRange: (first: number, last: number) => void;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const margin = useDocumentOffset(listRef);
  const [open, toggle] = useToggleSet();
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => 96,
    overscan: OVERSCAN,
    scrollMargin: margin,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= 0) onRange(first, last);
  }, [onRange, first, last]);
  return (
    <ul
      ref={listRef}
      aria-label="Threads"
      className="relative"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {items.map((item) => {
        const row = rowAt(item.index);
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            aria-posinset={item.index + 1}
            aria-setsize={count}
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            className="absolute inset-x-0 top-0 border-b border-black/10 py-4 dark:border-white/10"
          >
            {row ? (
              <ThreadRowView row={row} expanded={open.has(row[0])} onToggle={toggle} />
            ) : (
              <div className="h-12">
                <div className="h-5 w-3/4 rounded bg-black/5 dark:bg-white/10" />
                <span className="sr-only">Thread {item.index + 1}: loading…</span>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ThreadRowView({
  row,
  expanded,
  onToggle,
}: {
  row: ThreadRow;
  expanded: boolean;
  onToggle: (id: string) => void;
}) {
  const [id, title, size, firstTitle, names] = row;
  const listId = `thread-${id}`;
  return (
    <div className="flex items-start gap-3">
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={expanded ? listId : undefined}
        onClick={() => onToggle(id)}
        className="mt-1 shrink-0 rounded px-1 font-sans text-sm text-ink/75 hover:bg-black/5 dark:text-night-ink/75 dark:hover:bg-white/10"
      >
        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
        <span className="sr-only">
          {expanded ? 'Hide' : 'Show'} the {size} stories of {title}
        </span>
      </button>
      <div className="min-w-0">
        <Link
          to={paths.thread.getHref(id)}
          className="font-serif text-lg leading-snug underline-offset-2 hover:underline"
        >
          {title}
        </Link>
        <p className="mt-1 font-sans text-sm text-ink/75 dark:text-night-ink/75">
          {size} {size === 1 ? 'story' : 'stories'}
          {firstTitle !== title && ` · first: ${firstTitle}`}
          {names.length > 0 && ` · ${names.join(' · ')}`}
        </p>
        {expanded && <OpenedThread id={id} listId={listId} />}
      </div>
    </div>
  );
}

/** An opened row's stories, from the thread's group (the thread page's data). */
function OpenedThread({ id, listId }: { id: string; listId: string }) {
  const found = useArchiveThread(id);
  if (found.state === 'found') return <ThreadStories id={listId} stories={found.thread.stories} />;
  return (
    <p id={listId} role="status" className="mt-3 text-sm text-ink/75 dark:text-night-ink/75">
      {found.state === 'error'
        ? found.message
        : found.state === 'missing'
          ? 'This thread is not in the archive’s thread pages.'
          : 'Opening the thread…'}
    </p>
  );
}
