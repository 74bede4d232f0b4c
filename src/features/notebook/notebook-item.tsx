import { Link } from '../../lib/router';
import { paths } from '../../config/paths';
import { useArchiveMode } from '../../data/archive-api';
import { BUTTON, COLOR_LABEL, SWATCH_CLASS } from './highlight-style';
import type { NotebookItem } from './notebook-types';

const date = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** One highlight on the notebook page: its quote, its note (as text), and the way back to it. */
export function NotebookEntry({ item, onDelete }: { item: NotebookItem; onDelete: () => void }) {
  const a = item.annotation;
  const archive = useArchiveMode();
  const href = paths.story.getHref(a.storyId, { paragraph: item.paragraph ?? undefined });
  return (
    <li className="grid grid-cols-[0.375rem_minmax(0,1fr)] gap-3 py-3">
      <span aria-hidden className={`rounded-full ${SWATCH_CLASS[a.color]}`} />
      <div>
        <blockquote className="font-serif text-lg leading-relaxed">
          <span className="sr-only">{COLOR_LABEL[a.color]} highlight: </span>
          {a.quote.exact}
        </blockquote>
        {a.note && (
          <p className="mt-2 rounded-md bg-black/[0.03] p-2 text-sm whitespace-pre-wrap dark:bg-white/[0.05]">
            <span className="sr-only">Note: </span>
            {a.note}
          </p>
        )}
        <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-ink/75 dark:text-night-ink/75">
          <time dateTime={a.created}>{date(a.created)}</time>
          {item.anchor?.status === 'fuzzy' && <span>re-anchored: the text changed since</span>}
          {item.anchor === null && (
            <span>
              {archive ? 'open its story to place it (archive)' : 'its story is still loading'}
            </span>
          )}
          <Link className="underline" to={href}>
            {item.paragraph ? `Go to paragraph ${item.paragraph}` : 'Open the story'}
          </Link>
          <button type="button" className="underline" onClick={onDelete}>
            Delete
          </button>
        </p>
      </div>
    </li>
  );
}

/**
 * Orphans: highlights that no longer have a place. Never dropped: each keeps its quote and note
 * and can be re-attached (in its story, to the words it belongs to now) or deleted.
 */
export function OrphanList({
  items,
  titleOf,
  onDelete,
}: {
  items: NotebookItem[];
  titleOf: (storyId: string) => string;
  onDelete: (id: string) => void;
}) {
  if (!items.length) return null;
  return (
    <section
      aria-labelledby="orphans-title"
      className="mb-10 rounded-lg border border-amber-600/40 bg-amber-50/60 p-4 dark:border-amber-400/30 dark:bg-amber-950/20"
    >
      <h2 id="orphans-title" className="font-serif text-2xl font-semibold">
        Orphaned highlights ({items.length})
      </h2>
      <p className="mt-1 text-sm">
        Their stories changed and the quoted words are no longer there. They are kept, with their
        notes, until you re-attach or delete them.
      </p>
      <ul className="mt-3 divide-y divide-black/10 dark:divide-white/10">
        {items.map(({ annotation: a, anchor }) => (
          <li key={a.id} className="py-3">
            <p className="text-xs font-semibold tracking-wide text-ink/75 uppercase dark:text-night-ink/75">
              {titleOf(a.storyId)}
              {anchor?.status === 'orphan' &&
                anchor.reason === 'story-missing' &&
                ' · the story is no longer in the folder'}
            </p>
            <blockquote className="mt-1 font-serif text-lg">{a.quote.exact}</blockquote>
            {a.note && <p className="mt-1 text-sm whitespace-pre-wrap">{a.note}</p>}
            <p className="mt-2 flex gap-2">
              {anchor?.status === 'orphan' && anchor.reason === 'text-changed' && (
                <Link
                  className={BUTTON}
                  to={paths.notebook.reattachHref(a.storyId, a.id)}
                  aria-label={`Re-attach “${a.quote.exact.slice(0, 40)}”`}
                >
                  Re-attach
                </Link>
              )}
              <button
                type="button"
                className={BUTTON}
                onClick={() => onDelete(a.id)}
                aria-label={`Delete “${a.quote.exact.slice(0, 40)}”`}
              >
                Delete
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
