import { useMemo } from 'react';
import { placeAnnotations } from '../../corpus/notebook/place';
import { paragraphAt, splitByParagraph, storyText } from '../../corpus/notebook/story-text';
import type { Annotation } from '../../corpus/notebook/types';
import type { Story } from '../../corpus/types';
import type { CorpusView } from '../../data/use-corpus';
import type { NotebookItem } from '../../features/notebook/notebook-types';

/**
 * Every annotation placed in the current text of its story. While the folder still loads, one
 * whose story has not arrived is "not known yet", not an orphan; once loaded, a story that is
 * gone makes orphans of its highlights (listed, never dropped). In an archive, whose folder is
 * never loaded whole, none is placed (NotebookItem says its story is not read here).
 */
export function useNotebookItems(annotations: readonly Annotation[], corpus: CorpusView) {
  const storiesById = useMemo(
    () => new Map<string, Story>(corpus.stories.map((s) => [s.id, s])),
    [corpus.stories],
  );
  const items = useMemo(() => {
    const byStory = new Map<string, Annotation[]>();
    for (const a of annotations) byStory.set(a.storyId, [...(byStory.get(a.storyId) ?? []), a]);
    const out: NotebookItem[] = [];
    for (const [storyId, list] of byStory) {
      const story = storiesById.get(storyId);
      // An archive never holds the folder: a story not read here is unknown, not gone.
      if (!story && (corpus.loading || corpus.archive)) {
        out.push(
          ...list.map((annotation) => ({
            annotation,
            anchor: null,
            paragraph: null,
            paragraphs: [],
          })),
        );
        continue;
      }
      const st = story ? storyText(story.paragraphs) : null;
      for (const { annotation, anchor } of placeAnnotations(list, st)) {
        const placed = st && anchor.status !== 'orphan';
        out.push({
          annotation,
          anchor,
          paragraph: placed ? paragraphAt(st, anchor.start) + 1 : null,
          paragraphs: placed
            ? splitByParagraph(st, anchor.start, anchor.end).map((p) => p.paragraph)
            : [],
        });
      }
    }
    return out;
  }, [annotations, storiesById, corpus.loading, corpus.archive]);
  const titleOf = (storyId: string) =>
    storiesById.get(storyId)?.title ??
    annotations.find((a) => a.storyId === storyId)?.storyTitle ??
    storyId;
  return { items, storiesById, titleOf };
}
