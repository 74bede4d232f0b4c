import { paths } from '../../config/paths';
import { Link } from '../../lib/router';
import { useToggleSet } from '../../lib/use-toggle-set';
import type { ThreadStory, ThreadSummary } from '../../worker/protocol';
import { storyLabel } from './story-label';

/**
 * The library by thread (`?view=threads`): one row per thread, named by its most central story,
 * with its size and the names it is about; a row opens to its stories.
 */
export function ThreadList({ threads }: { threads: ThreadSummary[] }) {
  const [open, toggle] = useToggleSet();
  return (
    <ul className="divide-y divide-black/10 dark:divide-white/10">
      {threads.map((t) => {
        const expanded = open.has(t.id);
        const listId = `thread-${t.id}`;
        return (
          <li key={t.id} className="py-4">
            <div className="flex items-start gap-3">
              <button
                type="button"
                aria-expanded={expanded}
                aria-controls={listId}
                onClick={() => toggle(t.id)}
                className="mt-1 shrink-0 rounded px-1 font-sans text-sm text-ink/75 hover:bg-black/5 dark:text-night-ink/75 dark:hover:bg-white/10"
              >
                <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                <span className="sr-only">
                  {expanded ? 'Hide' : 'Show'} the {t.size} stories of {t.title}
                </span>
              </button>
              <div className="min-w-0">
                <Link
                  to={paths.thread.getHref(t.id)}
                  className="font-serif text-lg leading-snug underline-offset-2 hover:underline"
                >
                  {t.title}
                </Link>
                <p className="mt-1 font-sans text-sm text-ink/75 dark:text-night-ink/75">
                  {t.size} stories
                  {t.entities.length > 0 && ' · '}
                  {t.entities
                    .slice(0, 3)
                    .map((e) => e.name)
                    .join(' · ')}
                </p>
                {expanded && <ThreadStories id={listId} stories={t.stories} />}
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** A thread's stories as its expanded row lists them: each once (copies left out), labelled. */
export function ThreadStories({
  id,
  stories,
}: {
  id: string;
  stories: Pick<ThreadStory, 'storyId' | 'title' | 'section' | 'kind' | 'copyOf'>[];
}) {
  return (
    <ol id={id} className="mt-3 space-y-2">
      {stories
        .filter((s) => !s.copyOf)
        .map((s) => (
          <li key={s.storyId}>
            <Link
              to={paths.story.getHref(s.storyId)}
              className="font-serif underline-offset-2 hover:underline"
            >
              {s.title}
            </Link>
            {storyLabel(s) && (
              <span className="ml-2 font-sans text-xs tracking-wide text-ink/75 uppercase dark:text-night-ink/75">
                {storyLabel(s)}
              </span>
            )}
          </li>
        ))}
    </ol>
  );
}
