import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  entitiesInParagraphs,
  filterAnnotations,
  groupByStory,
  type NotebookFilter,
} from '../../corpus/notebook/notebook-view';
import { isHighlightColor } from '../../corpus/notebook/types';
import { storyEntitiesQuery } from '../../data/analysis-api';
import { useNotebook } from '../../data/notebook/use-notebook';
import { useFolderListing } from '../../data/use-folder-listing';
import { NotebookPage } from '../../features/notebook/notebook-page';
import type { NotebookItem } from '../../features/notebook/notebook-types';
import { useSearchParams } from '../../lib/router';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useNotebookItems } from './use-notebook-items';
import { useNotebookTransfer } from './use-notebook-transfer';

/**
 * `/notebook`: every highlight across the folder. Filters live in the URL (`?color=`, `?story=`,
 * `?entity=`, `?q=`), so a filtered notebook can be bookmarked and Back undoes a filter.
 */
export function NotebookRoute() {
  useDocumentTitle('Notebook');
  const corpus = useFolderListing();
  const nb = useNotebook();
  const [params, setParams] = useSearchParams();
  const { items, storiesById, titleOf } = useNotebookItems(nb.annotations, corpus.rows);

  const filter: NotebookFilter = {
    colors: params.getAll('color').filter(isHighlightColor),
    storyId: params.get('story'),
    entityId: params.get('entity'),
    text: params.get('q') ?? '',
  };
  const setFilter = (f: NotebookFilter) => {
    const next = new URLSearchParams();
    for (const c of f.colors) next.append('color', c);
    if (f.storyId) next.set('story', f.storyId);
    if (f.entityId) next.set('entity', f.entityId);
    if (f.text) next.set('q', f.text);
    setParams(next, { replace: true, preventScrollReset: true });
  };

  // Names in the highlighted stories, for the entity filter (the worker's analysis per story).
  const storyIds = useMemo(
    () => [...new Set(nb.annotations.map((a) => a.storyId))],
    [nb.annotations],
  );
  const hashOf = (fileId: string) => corpus.manifest?.files.find((f) => f.id === fileId)?.hash;
  const analyses = useQueries({
    queries: storyIds.flatMap((id) => {
      const story = storiesById.get(id);
      const hash = story && hashOf(story.fileId);
      return story && hash ? [storyEntitiesQuery(story, hash)] : [];
    }),
  });
  const mentions = new Map(analyses.flatMap((q) => (q.data ? [[q.data.storyId, q.data]] : [])));
  const entitiesOf = (item: NotebookItem) =>
    entitiesInParagraphs(item.paragraphs, mentions.get(item.annotation.storyId)?.mentions ?? []);
  const entityName = (id: string) => {
    for (const d of mentions.values()) {
      const e = d.entities.find((x) => x.id === id);
      if (e) return e.name;
    }
    return id;
  };

  const placed = items.filter((i) => i.anchor?.status !== 'orphan');
  const orphans = items.filter((i) => i.anchor?.status === 'orphan');
  const shown = filterAnnotations(placed, filter, entitiesOf);
  const entityOptions = [...new Set(placed.flatMap(entitiesOf))]
    .map((id) => ({ id, name: entityName(id) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const transfer = useNotebookTransfer(nb, items, titleOf);

  return (
    <NotebookPage
      snapshot={nb}
      groups={groupByStory(shown, titleOf)}
      orphans={orphans}
      shown={shown.length}
      filter={filter}
      onFilter={setFilter}
      stories={storyIds.map((id) => ({ id, title: titleOf(id) }))}
      entities={entityOptions}
      titleOf={titleOf}
      {...transfer}
    />
  );
}
