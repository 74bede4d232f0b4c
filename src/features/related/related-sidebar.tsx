import { useQuery } from '@tanstack/react-query';
import { Link } from '../../lib/router';
import { paths } from '../../config/paths';
import { relatedQuery, useEnginePhases, useEngineProgress } from '../../data/analysis-api';
import { archiveRelated, useArchiveMode, useSideGroup } from '../../data/archive-api';

/**
 * Up to five stories related to this one, and only those that are (none: "No closely related
 * stories"), each with why (shared people, places and organizations, then distinctive shared
 * phrases, then words), duplicates as "Also published as", and "More like this" to search on the
 * story's distinguishing terms.
 */
export function RelatedSidebar({
  storyId,
  titleOf,
}: {
  storyId: string;
  titleOf: (id: string) => string;
}) {
  const ready = useEnginePhases().related === 'ready';
  const archive = useArchiveMode();
  const q = useQuery({ ...relatedQuery(storyId), enabled: ready && !archive });
  const side = useSideGroup(storyId);
  const view = archive ? (side.data ? archiveRelated(side.data, storyId) : undefined) : q.data;
  return (
    <aside aria-label="Related stories">
      <div>
        <h2 className="text-xs font-semibold tracking-widest text-ink/75 uppercase dark:text-night-ink/75">
          Related stories
        </h2>
        {!view && archive && side.error ? (
          <p className="mt-3 text-sm text-ink/75 dark:text-night-ink/75" role="alert">
            The related stories could not be loaded: {side.error.message}
          </p>
        ) : !view ? (
          <p className="mt-3 text-sm text-ink/75 dark:text-night-ink/75" role="status">
            {archive ? 'Loading related stories…' : <FindingRelated />}
          </p>
        ) : view.related.length === 0 ? (
          <p className="mt-3 text-sm text-ink/75 dark:text-night-ink/75">
            No closely related stories.
          </p>
        ) : (
          <ol className="mt-3 space-y-4">
            {view.related.map((r) => {
              const names = r.sharedEntities.slice(0, 3).map((id) => view.entityNames[id] ?? id);
              // A term that is part of a shared name ("putin" beside Vladimir Putin) says nothing new.
              const nameWords = new Set(
                r.sharedEntities
                  .map((id) => view.entityNames[id] ?? '')
                  .join(' ')
                  .toLowerCase()
                  .split(/[^\p{L}\p{N}]+/u),
              );
              const phrases = r.sharedPhrases ?? [];
              // Single words only where names and phrases do not already say why.
              const room = Math.max(0, 3 - names.length - phrases.length);
              const terms = r.sharedTerms.filter((t) => !nameWords.has(t)).slice(0, room);
              return (
                <li key={r.storyId}>
                  <Link to={paths.story.getHref(r.storyId)} className="group block">
                    <span className="block text-xs tracking-wide text-ink/75 uppercase dark:text-night-ink/75">
                      {sectionOrKind(r.storyId)}
                    </span>
                    <span className="font-serif leading-snug group-hover:underline">
                      {titleOf(r.storyId)}
                    </span>
                  </Link>
                  <p className="mt-0.5 text-xs text-ink/75 dark:text-night-ink/75">
                    <span className="sr-only">Why: </span>
                    {[...names, ...[...phrases, ...terms].map((t) => `“${t}”`)].join(' · ') ||
                      'similar wording'}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
        {view && view.duplicates.length > 0 && (
          <div className="mt-6">
            <h3 className="text-xs font-semibold tracking-widest text-ink/75 uppercase dark:text-night-ink/75">
              Also published as
            </h3>
            <ul className="mt-2 space-y-1 text-sm">
              {view.duplicates.map((id) => (
                <li key={id}>
                  <Link className="underline-offset-2 hover:underline" to={paths.story.getHref(id)}>
                    {titleOf(id)}{' '}
                    <span className="text-xs text-ink/75 dark:text-night-ink/75">({id})</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        {/* A search: not in an archive yet (its palette and page say so). */}
        {view && !archive && view.distinguishingTerms.length > 0 && (
          <Link
            to={paths.search.getHref(view.distinguishingTerms.slice(0, 5).join(' '))}
            className="mt-6 inline-block rounded-md border border-black/15 px-3 py-1.5 text-sm font-medium hover:bg-black/5 dark:border-white/20 dark:hover:bg-white/10"
          >
            More like this
          </Link>
        )}
      </div>
    </aside>
  );
}

/** The wait for the related lists, with how much of the folder is read (re-rendered as it grows). */
function FindingRelated() {
  const files = useEngineProgress((s) => s.files);
  const total = useEngineProgress((s) => s.totalFiles);
  return total > 0 && files < total
    ? `Finding related stories once the folder is read (${files.toLocaleString()} of ${total.toLocaleString()} files)…`
    : 'Finding related stories…';
}

/** "business" for `business/012`, "brief" for a teaser id, nothing for a top-level file. */
function sectionOrKind(id: string): string {
  const brief = /~\d+$/u.test(id);
  const slash = id.lastIndexOf('/');
  const section = slash > 0 ? id.slice(0, slash) : '';
  return [section, brief ? 'brief' : ''].filter(Boolean).join(' · ');
}
