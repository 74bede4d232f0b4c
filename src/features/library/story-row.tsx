import { Link } from '../../lib/router';
import type { ListingRow } from '../../corpus/archive/listing';
import { paths } from '../../config/paths';
import { useReadIds } from './read-ids';

/** One library row. Briefs are visibly secondary: indented, smaller, labelled as excerpts. */
export function StoryRow({
  story,
  within,
  index,
  setSize,
  measureRef,
}: {
  /** What the row shows (`rowOf` of a story, or an archive's listing page row). */
  story: ListingRow;
  /** The library's filter, carried into the story (j/k step through what the list shows). */
  within: URLSearchParams;
  index: number;
  setSize: number;
  /** The virtualizer's: it measures the row and sets its `top` (no position in the JSX). */
  measureRef: (el: HTMLElement | null) => void;
}) {
  const brief = story.kind === 'brief';
  const { excerpt } = story;
  // Read stories are quieter (lighter, not bold: still AA contrast), so the eye goes to the new.
  const read = useReadIds().has(story.id);
  return (
    <li
      ref={measureRef}
      data-index={index}
      data-read={read ? '' : undefined}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className={`absolute inset-x-0 ${brief ? 'ml-6 border-l-2 border-black/10 pl-4 dark:border-white/15' : 'pt-3'}`}
    >
      <Link
        data-row
        to={paths.story.getHref(story.id, { within })}
        className="group block rounded-md px-3 py-2 hover:bg-black/[0.04] focus-visible:bg-black/[0.04] dark:hover:bg-white/[0.06] dark:focus-visible:bg-white/[0.06]"
      >
        <div className="flex flex-wrap items-center gap-x-2 text-xs tracking-wide text-ink/75 uppercase dark:text-night-ink/75">
          {story.section && <span className="font-semibold">{story.section}</span>}
          {brief && (
            <span className="rounded bg-black/5 px-1.5 py-px normal-case dark:bg-white/10">
              Brief · excerpt
            </span>
          )}
          {story.kicker && (
            <span className="font-semibold text-accent dark:text-accent-dark">{story.kicker}</span>
          )}
          <span className="normal-case">{story.readingMinutes} min read</span>
          {read && <span className="normal-case">· ✓ Read</span>}
        </div>
        <h2
          className={`font-serif leading-snug group-hover:underline ${brief ? 'text-base' : 'text-xl'} ${read ? 'text-ink/75 dark:text-night-ink/75' : brief ? '' : 'font-semibold'}`}
        >
          {story.title}
        </h2>
        {excerpt && (
          <p className="mt-0.5 line-clamp-1 text-sm text-ink/75 dark:text-night-ink/75">
            {excerpt}
          </p>
        )}
      </Link>
    </li>
  );
}

/** A row of an archive's listing page that has not arrived yet: its place, focusable for j/k. */
export function PendingRow({
  index,
  setSize,
  measureRef,
}: {
  index: number;
  setSize: number;
  /** The virtualizer's: it measures the row and sets its `top` (no position in the JSX). */
  measureRef: (el: HTMLElement | null) => void;
}) {
  return (
    <li
      ref={measureRef}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className="absolute inset-x-0 pt-3"
    >
      <div data-row tabIndex={-1} className="block rounded-md px-3 py-2 outline-none">
        <div className="h-3 w-24 rounded bg-black/5 dark:bg-white/10" />
        <div className="mt-2 h-5 w-3/4 rounded bg-black/5 dark:bg-white/10" />
        <span className="sr-only">Story {index + 1}: loading…</span>
      </div>
    </li>
  );
}
