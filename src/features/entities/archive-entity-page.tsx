import { ENTITY_SENTENCES, type ArchiveEntity } from '../../corpus/archive/archive-format';
import { typeOfId } from '../../corpus/entities/ids';
import { Link } from '../../lib/router';
import { paths } from '../../config/paths';
import type { MentionSentence } from '../../corpus/entities/mention-sentences';
import { CompanionList } from './companion-list';
import { MentionSentences } from './mention-sentences';
import { EntityHeading } from './entity-heading';

/**
 * An entity page in an archive (a folder too large to download whole): what the build wrote for
 * it (name, counts, its stories with their titles and mention counts, the most named first, cut
 * to a few hundred), the first sentences naming it and who is named with it, counted over all
 * its stories: the build made them from every story's text and names, which an archive never
 * downloads. An archive built before they were says what it lacks.
 */
export function ArchiveEntityPage({
  id,
  entity,
  filterable,
}: {
  id: string;
  entity: ArchiveEntity;
  /** The archive has filter groups: the library lists all the stories naming it. */
  filterable: boolean;
}) {
  const shown = entity.stories.length;
  const cut = shown < entity.storyCount;
  const type = typeOfId(id);
  const byStory = new Map<string, MentionSentence[]>();
  for (const [storyId, paragraph, text, flat] of entity.sentences ?? []) {
    const ranges: [number, number][] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) ranges.push([flat[i]!, flat[i + 1]!]);
    byStory.set(storyId, [...(byStory.get(storyId) ?? []), { storyId, paragraph, text, ranges }]);
  }
  const sentencesCut = (entity.sentences?.length ?? 0) >= ENTITY_SENTENCES;
  // What an archive built before these were made lacks, said rather than left out.
  const lacks = [
    !entity.sentences && `the sentences that name ${entity.name}`,
    !entity.with && 'who is often mentioned with them',
  ].filter((x): x is string => typeof x === 'string');
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-12">
      <div className="mx-auto w-full max-w-[68ch] lg:mx-0 lg:justify-self-end">
        <EntityHeading
          type={type}
          name={entity.name}
          aliases={entity.aliases}
          mentionCount={entity.mentionCount}
          storyCount={entity.storyCount}
        />
        {cut && (
          <p className="mt-4 text-sm text-ink/75 dark:text-night-ink/75">
            Showing {shown.toLocaleString()} of {entity.storyCount.toLocaleString()} stories, the
            ones that name {entity.name} most.
          </p>
        )}
        {sentencesCut && (
          <p className="mt-2 text-sm text-ink/75 dark:text-night-ink/75">
            The sentences are the first {ENTITY_SENTENCES} naming {entity.name}, from those stories;
            open a story for the rest.
          </p>
        )}
        <ul
          className={`mt-8 ${entity.sentences ? 'space-y-8' : 'space-y-4'}`}
          aria-label={`Stories naming ${entity.name}`}
        >
          {entity.stories.map(([storyId, title, count]) => (
            <li key={storyId}>
              <h2 className="font-serif text-xl leading-snug font-semibold">
                <Link className="hover:underline" to={paths.story.getHref(storyId)}>
                  {title}
                </Link>
                <span
                  className="ml-2 align-middle font-sans text-xs font-normal text-ink/75 dark:text-night-ink/75"
                  title="mentions"
                >
                  ×{count}
                </span>
              </h2>
              <MentionSentences
                storyId={storyId}
                sentences={byStory.get(storyId) ?? []}
                entity={{ id, type }}
              />
            </li>
          ))}
        </ul>
      </div>
      <aside
        aria-label={entity.with ? 'Often mentioned with' : 'In this archive'}
        className="mx-auto mt-12 w-full max-w-[68ch] font-sans text-sm lg:mt-0"
      >
        <h2 className="text-xs font-semibold tracking-widest text-ink/75 uppercase dark:text-night-ink/75">
          {entity.with ? 'Often mentioned with' : 'In this archive'}
        </h2>
        {entity.with && (
          <CompanionList
            items={entity.with.map(([cid, name, stories]) => ({
              id: cid,
              name,
              type: typeOfId(cid),
              stories,
            }))}
          />
        )}
        {lacks.length > 0 && (
          <p className="mt-3 text-ink/75 dark:text-night-ink/75">
            This archive was built without {lacks.join(' and ')}: they need every story’s text and
            names. Open a story to see its names marked.
          </p>
        )}
        {filterable && (
          <Link
            className="mt-6 inline-block text-sm font-medium text-accent underline dark:text-accent-dark"
            to={paths.library.getHref(new URLSearchParams({ entity: id }))}
          >
            Filter the library by {entity.name}
          </Link>
        )}
      </aside>
    </div>
  );
}
