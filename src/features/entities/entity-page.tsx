import { Link } from '../../lib/router';
import { paths } from '../../config/paths';
import type { EntityPageData } from '../../worker/protocol';
import { EntityHeading } from './entity-heading';
import { CompanionList } from './companion-list';
import { MentionSentences } from './mention-sentences';

/**
 * Everything about one person, place or organization: the stories that mention it with the
 * sentences that do (the name highlighted), and who or what appears with it most often.
 */
export function EntityPage({
  data,
  titleOf,
  complete,
}: {
  data: EntityPageData;
  titleOf: (id: string) => string;
  complete: boolean;
}) {
  const { entity } = data;
  const byStory = new Map<string, EntityPageData['sentences']>();
  for (const s of data.sentences) byStory.set(s.storyId, [...(byStory.get(s.storyId) ?? []), s]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-12">
      <div className="mx-auto w-full max-w-[68ch] lg:mx-0 lg:justify-self-end">
        <EntityHeading
          type={entity.type}
          name={entity.name}
          aliases={entity.aliases}
          mentionCount={entity.mentionCount}
          storyCount={entity.stories.length}
          note={complete ? undefined : ' so far (the folder is still being analysed)'}
        />
        <ul className="mt-8 space-y-8">
          {entity.stories.map(({ storyId, count }) => (
            <li key={storyId}>
              <h2 className="font-serif text-xl leading-snug font-semibold">
                <Link className="hover:underline" to={paths.story.getHref(storyId)}>
                  {titleOf(storyId)}
                </Link>
                <span className="ml-2 align-middle font-sans text-xs font-normal text-ink/75 dark:text-night-ink/75">
                  ×{count}
                </span>
              </h2>
              <MentionSentences
                storyId={storyId}
                sentences={byStory.get(storyId) ?? []}
                entity={entity}
              />
            </li>
          ))}
        </ul>
      </div>
      <aside
        aria-label="Often mentioned with"
        className="mx-auto mt-12 w-full max-w-[68ch] font-sans lg:mt-0"
      >
        <h2 className="text-xs font-semibold tracking-widest text-ink/75 uppercase dark:text-night-ink/75">
          Often mentioned with
        </h2>
        <CompanionList
          items={data.cooccurring.map(({ entity: e, stories }) => ({ ...e, stories }))}
        />
        <Link
          className="mt-6 inline-block text-sm font-medium text-accent underline dark:text-accent-dark"
          to={paths.library.getHref(new URLSearchParams({ entity: entity.id }))}
        >
          Filter the library by {entity.name}
        </Link>
      </aside>
    </div>
  );
}
