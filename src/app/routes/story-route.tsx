import { useMemo } from 'react';
import { Link, useSearchParams, useSplat } from '../../lib/router';
import { NotFound } from '../../components/ui/not-found';
import { paths } from '../../config/paths';
import { rowById, withFileStories } from '../../corpus/folder-listing';
import { useFolderListing } from '../../data/use-folder-listing';
import { usePrefetchStories, useStory } from '../../data/use-story';
import type { Neighbour } from '../../features/reader/story-view';
import { useDocumentTitle } from '../../lib/use-document-title';
import { StoryScreen } from './story-screen';
import { useArchiveSteps } from './use-archive-steps';
import { usePlaceReadRow } from './use-place-read-row';
import { useStepKeys } from './use-step-keys';
import { useStorySteps } from './use-story-steps';

export function StoryRoute() {
  // Static hosts may add a trailing slash (directory index of a preview page): ignore it.
  const id = useSplat().replace(/\/+$/u, '');
  const state = useStory(id);
  const corpus = useFolderListing();
  const [params] = useSearchParams();
  // An archive's order and titles come from its listing and the story's side group.
  const archived = useArchiveSteps(id, corpus.archive, params);
  usePlaceReadRow(id, corpus.archive);
  const titles = {
    get: (sid: string) =>
      corpus.archive ? archived.titleOf(sid) : rowById(corpus.rows, sid)?.title,
  };
  const story = state.status === 'ready' ? state.story : null;
  const title = story ? (titles.get(story.id) ?? story.title) : null;
  useDocumentTitle(title ?? (state.status === 'not-found' ? 'Story not found' : null));

  // The opened file counts even before the folder stream has delivered it, so j/k know its briefs.
  const ownFile = state.status === 'ready' ? state.file : null;
  const order = useMemo(
    () =>
      ownFile
        ? withFileStories(
            corpus.order,
            ownFile.fileId,
            ownFile.stories.map((s) => s.id),
          )
        : corpus.order,
    [corpus.order, ownFile],
  );
  const folderSteps = useStorySteps(order, corpus.manifest, params);
  const steps = corpus.archive ? archived : folderSteps;
  // Here, not in the story screen: j/k work while the next story loads (a key pressed as
  // "Loading the story…" showed had no listener and was lost).
  // A story not in the folder has no place to step from.
  useStepKeys(id, steps, state.status !== 'not-found');
  usePrefetchStories(
    state.status === 'ready' ? [steps.neighbourOf(id, 1), steps.neighbourOf(id, -1)] : [],
  );
  const neighbour = (delta: 1 | -1): Neighbour | null => {
    const nid = steps.neighbourOf(id, delta);
    return nid
      ? {
          id: nid,
          title: titles.get(nid) ?? null,
          href: paths.story.getHref(nid, { within: steps.within }),
        }
      : null;
  };

  if (state.status === 'loading') {
    return (
      <div
        className="appear-late mx-auto max-w-[68ch] px-4 py-16 text-ink/75 dark:text-night-ink/75"
        role="status"
      >
        Loading the story…
      </div>
    );
  }
  if (state.status === 'not-found') return <NotFound what="story" detail={id} />;
  if (state.status === 'error') {
    return (
      <div role="alert" className="mx-auto max-w-2xl px-4 py-16">
        <h1 className="font-serif text-3xl font-semibold">This story could not be opened</h1>
        <p className="mt-3">{state.message}</p>
        <p className="mt-2 text-ink/75 dark:text-night-ink/75">
          Every other story in the library still works.
        </p>
        <div className="mt-6 flex gap-4">
          <button type="button" className="underline" onClick={state.retry}>
            Try again
          </button>
          <Link className="underline" to={paths.library.getHref()}>
            Back to the library
          </Link>
        </div>
      </div>
    );
  }
  const s = state.story;
  return (
    <StoryScreen
      key={s.id}
      story={s}
      file={state.file}
      hash={state.manifestFile.hash}
      sourcePath={state.manifestFile.path}
      title={title ?? s.title}
      sourceTitle={
        s.kind === 'brief' ? (titles.get(s.fileId) ?? state.file.stories[0]?.title ?? null) : null
      }
      prev={neighbour(-1)}
      next={neighbour(1)}
      steps={steps}
      titleOf={(sid) => titles.get(sid) ?? sid}
    />
  );
}
