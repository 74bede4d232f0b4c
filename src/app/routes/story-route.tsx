import { useMemo } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { NotFound } from '../../components/ui/not-found';
import { toast } from '../../components/ui/toast';
import { absoluteUrl, paths } from '../../config/paths';
import { useCorpus } from '../../data/use-corpus';
import { useStory } from '../../data/use-story';
import { StoryView, type Neighbour } from '../../features/reader/story-view';
import { useParagraphTarget } from '../../features/reader/use-paragraph-target';
import { useStoryKeys } from '../../features/reader/use-story-keys';
import { copyText } from '../../lib/clipboard';
import { useDocumentTitle } from '../../lib/use-document-title';

export function StoryRoute() {
  const id = useParams()['*'] ?? '';
  const location = useLocation();
  const navigate = useNavigate();
  const state = useStory(id);
  const corpus = useCorpus();

  const ready = state.status === 'ready';
  const titles = useMemo(
    () => new Map(corpus.stories.map((s) => [s.id, s.title])),
    [corpus.stories],
  );
  const story = ready ? state.story : null;
  const title = story ? (titles.get(story.id) ?? story.title) : null;
  useDocumentTitle(title ?? (state.status === 'not-found' ? 'Story not found' : null));
  const activeParagraph = useParagraphTarget(location.hash, ready, id);

  const position = corpus.order.indexOf(id);
  const neighbour = (i: number): Neighbour | null => {
    const nid = position >= 0 ? corpus.order[i] : undefined;
    return nid ? { id: nid, title: titles.get(nid) ?? null } : null;
  };
  const prev = neighbour(position - 1);
  const next = neighbour(position + 1);
  useStoryKeys({
    j: () => next && navigate(paths.story.getHref(next.id)),
    k: () => prev && navigate(paths.story.getHref(prev.id)),
  });

  if (state.status === 'loading') {
    return (
      <div
        className="mx-auto max-w-[68ch] px-4 py-16 text-ink/75 dark:text-night-ink/75"
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
          <a className="underline" href={absoluteUrl(paths.library.getHref())}>
            Back to the library
          </a>
        </div>
      </div>
    );
  }

  const copyParagraph = async (n: number) => {
    const href = paths.story.getHref(state.story.id, { paragraph: n });
    void navigate(href, { replace: true, preventScrollReset: true });
    toast(
      (await copyText(absoluteUrl(href)))
        ? `Link to paragraph ${n} copied`
        : 'Could not copy the link',
    );
  };
  return (
    <StoryView
      key={state.story.id}
      story={state.story}
      title={title ?? state.story.title}
      sourceTitle={
        state.story.kind === 'brief'
          ? (titles.get(state.story.fileId) ?? state.file.stories[0]?.title ?? null)
          : null
      }
      fileWarnings={state.file.warnings}
      activeParagraph={activeParagraph}
      prev={prev}
      next={next}
      onCopyParagraph={copyParagraph}
    />
  );
}
