import { useMemo } from 'react';
import { placeAnnotations } from '../../corpus/notebook/place';
import { paragraphAt, splitByParagraph, storyText } from '../../corpus/notebook/story-text';
import type { Annotation } from '../../corpus/notebook/types';
import type { ListingRow } from '../../corpus/archive/listing';
import { rowById } from '../../corpus/folder-listing';
import type { Story } from '../../corpus/types';
import { useStories } from '../../data/use-story';
import type { NotebookItem } from '../../features/notebook/notebook-types';

/**
 * Every annotation placed in the current text of its story, read from the story's own file
 * (`useStories`: the highlighted stories, not the folder). While its file is not in, a story is
 * "not known yet", not an orphan; a story that is gone (its file, or the story in it) makes
 * orphans of its highlights (listed, never dropped). In an archive none is placed (NotebookItem
 * says its story is not read here). Titles are the listing's (folder-distinct) when it has them.
 */
export function useNotebookItems(annotations: readonly Annotation[], rows: readonly ListingRow[]) {
  const ids = useMemo(() => [...new Set(annotations.map((a) => a.storyId))], [annotations]);
  const bodies = useStories(ids);
  const storiesById = useMemo(() => {
    const out = new Map<string, Story>();
    for (const [id, b] of bodies) if (b.status === 'ready') out.set(id, b.story);
    return out;
  }, [bodies]);
  const items = useMemo(() => {
    const byStory = new Map<string, Annotation[]>();
    for (const a of annotations) byStory.set(a.storyId, [...(byStory.get(a.storyId) ?? []), a]);
    const out: NotebookItem[] = [];
    for (const [storyId, list] of byStory) {
      const story = storiesById.get(storyId);
      if (!story && bodies.get(storyId)?.status !== 'gone') {
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
  }, [annotations, storiesById, bodies]);
  const titleOf = (storyId: string) =>
    rowById(rows, storyId)?.title ??
    storiesById.get(storyId)?.title ??
    annotations.find((a) => a.storyId === storyId)?.storyTitle ??
    storyId;
  return { items, storiesById, titleOf };
}
