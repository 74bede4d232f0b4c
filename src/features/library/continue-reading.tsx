import { Link } from '../../lib/router';
import { paths } from '../../config/paths';

/** A story begun: its id and title (the library's, or an archive's listing row's). */
export interface InProgress {
  id: string;
  title: string;
  /** 0…1 */
  progress: number;
}

/** Stories begun and not finished, last read first: one click returns to where you stopped. */
export function ContinueReading({ items }: { items: InProgress[] }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby="continue-title" className="mb-8">
      <h2
        id="continue-title"
        className="mb-2 text-xs font-semibold tracking-widest text-ink/75 uppercase dark:text-night-ink/75"
      >
        Continue reading
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {items.map(({ id, title, progress }) => (
          <li key={id}>
            <Link
              to={paths.story.getHref(id)}
              className="block h-full rounded-lg border border-black/10 p-3 hover:bg-black/[0.03] dark:border-white/15 dark:hover:bg-white/[0.05]"
            >
              <span className="line-clamp-2 font-serif leading-snug">{title}</span>
              <span className="mt-2 flex items-center gap-2 text-xs text-ink/75 dark:text-night-ink/75">
                <span aria-hidden className="h-1 flex-1 rounded-full bg-black/10 dark:bg-white/15">
                  <span
                    className="block h-full rounded-full bg-accent dark:bg-accent-dark"
                    style={{ width: `${Math.round(progress * 100)}%` }}
                  />
                </span>
                {Math.round(progress * 100)}% read
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
