import { paths } from '../../config/paths';
import { Link } from '../../lib/router';
import type { TimelineEntry } from '../../corpus/threads/timeline';
import type { EntitySummary, ThreadPageData } from '../../worker/protocol';
import { storyLabel } from './story-label';

/** What the page shows: a whole folder's thread (ThreadPageData) or an archive's. */
export interface ThreadView extends Omit<ThreadPageData, 'entities' | 'timeline'> {
  entities: Pick<EntitySummary, 'id' | 'name' | 'type'>[];
  /**
   * Null in an archive built without timelines (before the build made them): the dates are
   * found in every paragraph of every story, which an archive's browser never downloads.
   */
  timeline: TimelineEntry[] | null;
}

/**
 * A thread's page (`/thread/<id>`): every story with its lede, the names the thread is about,
 * and a merged timeline of the dates its stories give. In an archive (a folder too large to
 * download whole) the build wrote all of it, timeline included; an older archive's page says
 * what it lacks.
 */
export function ThreadPage({ thread }: { thread: ThreadView }) {
  const titleOf = new Map(thread.stories.map((s) => [s.storyId, s.title]));
  const shown = thread.stories.filter((s) => !s.copyOf).length;
  return (
    <article className="mx-auto max-w-3xl px-4 py-10">
      <p className="font-sans text-xs font-semibold tracking-widest text-ink/75 uppercase dark:text-night-ink/75">
        Thread · {thread.size} stories
      </p>
      <h1 className="mt-2 font-serif text-4xl leading-tight font-semibold tracking-tight">
        {thread.title}
      </h1>
      {thread.entities.length > 0 && (
        <section aria-label="About" className="mt-5">
          <h2 className="sr-only">About</h2>
          <ul className="flex flex-wrap gap-2 font-sans text-sm">
            {thread.entities.map((e) => (
              <li key={e.id}>
                <Link
                  to={paths.entity.getHref(e.id)}
                  className="rounded-full border border-black/15 px-2.5 py-0.5 hover:bg-black/5 dark:border-white/20 dark:hover:bg-white/10"
                >
                  {e.name}
                  <span className="text-ink/75 dark:text-night-ink/75"> · {e.type}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="thread-stories" className="mt-10">
        <h2 id="thread-stories" className="font-serif text-2xl font-semibold">
          Stories
        </h2>
        {shown < thread.size && (
          <p className="mt-2 font-sans text-sm text-ink/75 dark:text-night-ink/75">
            Showing the first {shown.toLocaleString()} of {thread.size.toLocaleString()} stories.
          </p>
        )}
        <ol className="mt-4 space-y-6">
          {thread.stories
            .filter((s) => !s.copyOf)
            .map((s) => {
              const copies = thread.stories.filter((c) => c.copyOf === s.storyId);
              return (
                <li key={s.storyId}>
                  {storyLabel(s) && (
                    <p className="font-sans text-xs tracking-wide text-ink/75 uppercase dark:text-night-ink/75">
                      {storyLabel(s)}
                    </p>
                  )}
                  <h3 className="font-serif text-xl leading-snug font-semibold">
                    <Link to={paths.story.getHref(s.storyId)} className="hover:underline">
                      {s.title}
                    </Link>
                  </h3>
                  <p className="mt-1 line-clamp-3 font-serif leading-relaxed">{s.lede}</p>
                  {copies.length > 0 && (
                    <p className="mt-1 font-sans text-xs text-ink/75 dark:text-night-ink/75">
                      Also published as {copies.map((c) => c.storyId).join(', ')}
                    </p>
                  )}
                </li>
              );
            })}
        </ol>
      </section>
      <section aria-labelledby="thread-timeline" className="mt-12">
        <h2 id="thread-timeline" className="font-serif text-2xl font-semibold">
          Timeline
        </h2>
        {thread.timeline === null ? (
          <p className="mt-3 text-ink/75 dark:text-night-ink/75">
            This folder is too large to download whole, so its thread pages list the stories only.
            The timeline gathers the dates from every paragraph of every story and is not available
            here. Open a story to read its dates.
          </p>
        ) : thread.timeline.length === 0 ? (
          <p className="mt-3 text-ink/75 dark:text-night-ink/75">
            These stories give no dates to put on a timeline.
          </p>
        ) : (
          <ol className="mt-4 space-y-4 border-l-2 border-black/15 pl-4 dark:border-white/20">
            {thread.timeline.map((e) => (
              <li key={`${e.storyId}:${e.paragraph}:${e.when}`}>
                <p className="font-sans text-sm font-semibold">{e.when}</p>
                <p className="font-serif leading-relaxed">{e.text}</p>
                <Link
                  to={paths.story.getHref(e.storyId, { paragraph: e.paragraph + 1 })}
                  className="font-sans text-xs text-ink/75 underline-offset-2 hover:underline dark:text-night-ink/75"
                >
                  {titleOf.get(e.storyId)}, paragraph {e.paragraph + 1}
                </Link>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
