import type { ArchiveEntity } from '../../corpus/archive/archive-format';
import { typeOfId } from '../../corpus/entities/ids';
import { Link } from '../../lib/router';
import { paths } from '../../config/paths';
import { CompanionList } from './companion-list';
import { EntityHeading } from './entity-heading';

/**
 * An entity page in an archive (a folder too large to download whole): what the build wrote for
 * it (name, counts, its stories with their titles and mention counts, the most named first, cut
 * to a few hundred) and who is named with it, counted over all its stories. The sentences that
 * name it are cut from every story's text, which an archive never downloads, so the page says so.
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
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-12">
      <div className="mx-auto w-full max-w-[68ch] lg:mx-0 lg:justify-self-end">
        <EntityHeading
          type={typeOfId(id)}
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
        <ul className="mt-8 space-y-4" aria-label={`Stories naming ${entity.name}`}>
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
        <p className="mt-3 text-ink/75 dark:text-night-ink/75">
          This folder is too large to download whole, so this page lists the stories only. The
          sentences that name {entity.name}
          {entity.with ? ' need' : ' and who is often mentioned with them need'} every story’s text
          and are not available here. Open a story to see its names marked.
        </p>
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
