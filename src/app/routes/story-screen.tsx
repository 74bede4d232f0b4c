import { useLocation, useNavigate, useSearchParams } from '../../lib/router';
import { MarkedText } from '../../components/ui/marked-text';
import { toast } from '../../components/ui/toast';
import { absoluteUrl, paths } from '../../config/paths';
import type { ParsedFile, Story } from '../../corpus/types';
import { EntityCard } from '../../features/entities/entity-card';
import { EntityLegend } from '../../features/entities/entity-legend';
import { StoryNames } from '../../features/entities/story-names';
import { useEntityLayer } from '../../features/entities/use-entity-layer';
import { RelatedSidebar } from '../../features/related/related-sidebar';
import { ThreadBox } from '../../features/threads/thread-box';
import { SearchHitBar } from '../../features/reader/search-hit-bar';
import { StoryView, type Neighbour } from '../../features/reader/story-view';
import { useParagraphTarget } from '../../features/reader/use-paragraph-target';
import { useSearchHits } from '../../features/reader/use-search-hits';
import { useStoryKeys } from '../../features/reader/use-story-keys';
import { useNotebookLayer } from '../../features/notebook/use-notebook-layer';
import { ListenControls } from '../../features/listen/listen-controls';
import { useListen } from '../../features/listen/use-listen';
import { ReadingControls, ReadingProgress } from '../../features/reading/reading-bar';
import { useReadingTracker } from '../../features/reading/use-reading-tracker';
import { copyText } from '../../lib/clipboard';
import { useMediaQuery } from '../../lib/use-media-query';
import { markOnce } from '../../lib/perf';
import { useCallback, useEffect } from 'react';
import type { StorySteps } from './use-story-steps';

/**
 * A loaded story with its layers: entity marks (legend, card), `?q=` search hits, the related
 * sidebar, paragraph targets and the j/k/n/N keys.
 */
export function StoryScreen(p: {
  story: Story;
  file: ParsedFile;
  hash: string;
  /** The file inside the folder (`business/001.txt`). */
  sourcePath: string;
  title: string;
  sourceTitle: string | null;
  prev: Neighbour | null;
  next: Neighbour | null;
  titleOf: (id: string) => string;
  /** j/k and J/K: the library's order and filter. */
  steps: StorySteps;
}) {
  const { story } = p;
  const location = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const activeParagraph = useParagraphTarget(location.hash, true, story.id);
  const entities = useEntityLayer(story, p.hash);
  const hits = useSearchHits(story, query, activeParagraph !== null);
  // The reader's own layers: highlights and notes, reading state.
  const notebook = useNotebookLayer({
    story,
    title: p.title,
    hash: p.hash,
    linkedParagraph: activeParagraph,
    reattachId: params.get('reattach'),
    onReattach: (id) =>
      setParams((prev) => {
        if (id) prev.set('reattach', id);
        else prev.delete('reattach');
        return prev;
      }),
  });
  const readingState = useReadingTracker({
    storyId: story.id,
    paragraphCount: story.paragraphs.length,
    hasTarget: activeParagraph !== null || query !== '',
  });
  useEffect(() => markOnce('story-painted'), []);
  // "In this story" goes beside the header on wide screens (the sidebar's top is free there), so
  // the tools above the text stay short and the first screen shows the story; on narrower ones
  // it sits above the legend, at a fixed height.
  const sideNames = useMediaQuery('(min-width: 1024px)');
  const names = (
    <StoryNames
      names={entities.names}
      ready={entities.ready}
      onOpen={entities.openEntity}
      tall={sideNames}
    />
  );

  const { steps } = p;
  useStoryKeys({
    n: () => hits.active && hits.next(),
    N: () => hits.active && hits.prev(),
    // From anywhere in the story to its names (from a name, the names' own keys take these).
    ']': () => entities.focusName('next'),
    '[': () => entities.focusName('prev'),
  });

  // Listen goes on to the story `j` would open, in the same filter.
  const listen = useListen({
    storyId: story.id,
    paragraphs: story.paragraphs,
    title: story.titleDerived ? null : p.title,
    nextStory: () => {
      if (steps.pending) return { end: 'Still finding the stories of this filter.' };
      const to = steps.neighbourOf(story.id, 1);
      if (!to) return { end: steps.endMessage(1) };
      const href = paths.story.getHref(to, { within: steps.within });
      return { id: to, title: p.titleOf(to), open: () => navigate(href) };
    },
  });

  // Both stable: the story text renders in groups that re-render only when their props change.
  const copyParagraph = useCallback(
    async (n: number) => {
      const href = paths.story.getHref(story.id, { paragraph: n, query: query || undefined });
      void navigate(href, { replace: true, preventScrollReset: true });
      toast(
        (await copyText(absoluteUrl(href)))
          ? `Link to paragraph ${n} copied`
          : 'Could not copy the link',
      );
    },
    [story.id, query, navigate],
  );
  const { marksFor } = entities;
  const { hitsFor } = hits;
  const { innerFor } = notebook;
  const renderText = useCallback(
    (text: string, i: number) => (
      <MarkedText text={text} outer={marksFor(i)} hits={hitsFor(i)} inner={innerFor(i)} />
    ),
    [marksFor, hitsFor, innerFor],
  );

  return (
    <StoryView
      story={story}
      title={p.title}
      sourceTitle={p.sourceTitle}
      sourcePath={p.sourcePath}
      fileWarnings={p.file.warnings}
      activeParagraph={activeParagraph}
      prev={p.prev}
      next={p.next}
      onCopyParagraph={copyParagraph}
      renderText={renderText}
      mustShow={Math.max(hits.firstParagraph, listen?.paragraph ?? 0)}
      textHandlers={{
        ...entities.handlers,
        onClick: (e) => notebook.onClick(e) || entities.handlers.onClick(e),
      }}
      toolbar={
        <>
          <div className="flex flex-wrap items-center gap-2">
            <ReadingControls
              read={readingState.read}
              onToggle={readingState.toggleRead}
              resumedAt={readingState.resumedAt}
              onBackToTop={readingState.backToTop}
            />
            {listen && <ListenControls listen={listen} linkedParagraph={activeParagraph} />}
          </div>
          {notebook.panel}
          {!sideNames && names}
          <EntityLegend
            counts={entities.counts}
            visible={entities.visible}
            onToggle={entities.toggle}
            pending={!entities.ready}
          />
          {hits.active && (
            <SearchHitBar
              query={query}
              total={hits.total}
              current={hits.current}
              shown={hits.shown}
              loading={hits.loading}
              onToggle={hits.toggle}
              onNext={hits.next}
              onPrev={hits.prev}
            />
          )}
        </>
      }
      overlay={
        <>
          {entities.card && (
            <EntityCard
              {...entities.card}
              currentStoryId={story.id}
              titleOf={p.titleOf}
              onMove={entities.move}
              onClose={entities.closeCard}
            />
          )}
          {notebook.overlay}
          <ReadingProgress />
        </>
      }
      aside={
        // The thread's other stories first, then the related ones.
        <div className="mx-auto mt-16 w-full max-w-[68ch] font-sans sm:pl-10 lg:mx-0 lg:mt-0 lg:pl-0">
          <div className="lg:sticky lg:top-20">
            {sideNames && <div className="mb-10">{names}</div>}
            <ThreadBox storyId={story.id} />
            <RelatedSidebar storyId={story.id} titleOf={p.titleOf} />
          </div>
        </div>
      }
    />
  );
}
