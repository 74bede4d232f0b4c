import { useQuery } from '@tanstack/react-query';
import { paths } from '../../config/paths';
import { threadOfQuery, useEnginePhases } from '../../data/analysis-api';
import { archiveThread, useArchiveMode, useSideGroup } from '../../data/archive-api';
import { useArchiveThreadPages } from '../../data/archive-threads';
import { Link } from '../../lib/router';
import { storyLabel } from './story-label';

/**
 * "In this thread": the other stories about the same event, in folder order, above the related
 * list. Nothing is shown for a story in no thread (most stories): an empty box would only say
 * that the reader's story stands alone, which the related list already tells.
 */
export function ThreadBox({ storyId }: { storyId: string }) {
  const ready = useEnginePhases().related === 'ready';
  const archive = useArchiveMode();
  const q = useQuery({ ...threadOfQuery(storyId), enabled: ready && !archive });
  const side = useSideGroup(storyId);
  const threadPages = useArchiveThreadPages();
  const thread = archive ? (side.data ? archiveThread(side.data, storyId) : null) : q.data;
  if (!thread) return null;
  const here = thread.stories.find((s) => s.storyId === storyId);
  // The story itself and its copies are not "other" stories of the thread.
  const others = thread.stories.filter(
    (s) =>
      s.storyId !== storyId &&
      !s.copyOf &&
      s.storyId !== here?.copyOf &&
      !thread.stories.some((c) => c.copyOf === s.storyId && c.storyId === storyId),
  );
  if (others.length === 0) return null;
  return (
    <section aria-label="In this thread" className="mb-10">
      <h2 className="text-xs font-semibold tracking-widest text-ink/75 uppercase dark:text-night-ink/75">
        In this thread
      </h2>
      <ol className="mt-3 space-y-3 border-l-2 border-accent/60 pl-3 dark:border-accent-dark/60">
        {others.map((s) => (
          <li key={s.storyId}>
            <Link to={paths.story.getHref(s.storyId)} className="group block">
              <span className="block text-xs tracking-wide text-ink/75 uppercase dark:text-night-ink/75">
                {storyLabel(s)}
              </span>
              <span className="font-serif leading-snug group-hover:underline">{s.title}</span>
            </Link>
          </li>
        ))}
      </ol>
      {(!archive || threadPages) && (
        // An archive's thread pages come from its thread groups (written with the tables).
        <Link
          to={paths.thread.getHref(thread.id)}
          className="mt-3 inline-block text-sm underline-offset-2 hover:underline"
        >
          The whole thread ({thread.size} stories)
        </Link>
      )}
    </section>
  );
}
