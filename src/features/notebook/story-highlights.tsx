import type { AnchoredAnnotation } from '../../corpus/notebook/types';
import { BUTTON, COLOR_LABEL, SWATCH_CLASS } from './highlight-style';

/**
 * The story's highlights as a list under its header: the keyboard's way to every highlight (the
 * marks in the text are not tab stops: many would bury the names' stops), and the place where
 * orphans of this story are listed, never hidden, with re-attach and delete.
 */
export function StoryHighlights(p: {
  placed: AnchoredAnnotation[];
  orphans: AnchoredAnnotation[];
  onOpen: (id: string) => void;
  onReattach: (id: string) => void;
  onDelete: (id: string) => void;
}) {
  const total = p.placed.length + p.orphans.length;
  if (total === 0) return null;
  return (
    <details
      className="rounded-md border border-black/10 font-sans text-sm dark:border-white/15"
      open={p.orphans.length > 0}
    >
      <summary className="cursor-pointer px-3 py-2 font-medium">
        Your highlights ({p.placed.length})
        {p.orphans.length > 0 && ` · ${p.orphans.length} could not be placed`}
      </summary>
      <ul className="space-y-1 px-3 pb-3">
        {p.placed.map(({ annotation: a, anchor }) => (
          <li key={a.id} className="flex items-start gap-2">
            <span
              aria-hidden
              className={`mt-1.5 h-3 w-3 shrink-0 rounded-full ${SWATCH_CLASS[a.color]}`}
            />
            <button
              type="button"
              className="min-w-0 text-left hover:underline"
              onClick={() => p.onOpen(a.id)}
            >
              <span className="sr-only">{COLOR_LABEL[a.color]} highlight: </span>
              <span className="line-clamp-2 font-serif">{a.quote.exact}</span>
              {anchor.status === 'fuzzy' && (
                <span className="block text-xs text-ink/70 dark:text-night-ink/70">
                  re-anchored: the text changed since
                </span>
              )}
              {a.note && (
                <span className="block truncate text-xs text-ink/75 dark:text-night-ink/75">
                  Note: {a.note}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {p.orphans.length > 0 && (
        <section
          aria-labelledby="story-orphans"
          className="border-t border-black/10 px-3 py-2 dark:border-white/15"
        >
          <h2 id="story-orphans" className="text-xs font-semibold tracking-wide uppercase">
            Could not be placed in the changed text
          </h2>
          <ul className="mt-1 space-y-2">
            {p.orphans.map(({ annotation: a }) => (
              <li key={a.id}>
                <blockquote className="border-l-2 border-black/20 pl-2 font-serif italic dark:border-white/25">
                  {a.quote.exact}
                </blockquote>
                {a.note && <p className="mt-1 text-xs whitespace-pre-wrap">{a.note}</p>}
                <p className="mt-1 flex gap-2">
                  <button type="button" className={BUTTON} onClick={() => p.onReattach(a.id)}>
                    Re-attach
                  </button>
                  <button type="button" className={BUTTON} onClick={() => p.onDelete(a.id)}>
                    Delete
                  </button>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </details>
  );
}
