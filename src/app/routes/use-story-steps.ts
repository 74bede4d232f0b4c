import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { libraryFilter } from '../../config/paths';
import { fileIdOf, stepStory, type StepUnit } from '../../corpus/library';
import type { Manifest } from '../../corpus/types';
import { filterStoriesQuery } from '../../data/analysis-api';

export interface StorySteps {
  /**
   * The story `delta` places from `from`: with `every` false (j/k, the pager) the next article,
   * or the next brief when the library was filtered to briefs; with `every` (J/K) the next story
   * of any kind. Within the library's filter the story was opened from; null at either end.
   */
  neighbourOf: (from: string, delta: 1 | -1, every?: boolean) => string | null;
  /** The entity filter's stories are still being looked up: a step would ignore them. */
  pending: boolean;
  /** The library filter, to carry along in the links of the steps. */
  within: URLSearchParams;
  /** What to say when a step finds nothing ("This is the last article in this filter."). */
  endMessage: (delta: 1 | -1, every?: boolean) => string;
}

/**
 * j/k, J/K and the pager follow the library's order and the filter the story was opened with
 * (`?section=`, `?entity=`, `?kind=` carried in the story's URL).
 */
export function useStorySteps(
  order: readonly string[],
  manifest: Manifest | undefined,
  params: URLSearchParams,
): StorySteps {
  const within = useMemo(() => libraryFilter(params), [params]);
  const section = within.get('section');
  const entityIds = useMemo(() => within.getAll('entity'), [within]);
  const unit: StepUnit = within.get('kind') === 'brief' ? 'brief' : 'main';
  const filter = useQuery({
    ...filterStoriesQuery(entityIds),
    enabled: entityIds.length > 0,
  });
  const allowed = useMemo(
    () => (filter.data?.storyIds ? new Set(filter.data.storyIds) : null),
    [filter.data],
  );
  const sectionOf = useMemo(
    () => new Map((manifest?.files ?? []).map((f) => [f.id, f.section])),
    [manifest],
  );
  const pending = entityIds.length > 0 && allowed === null;
  const accept = (id: string) =>
    (!section || sectionOf.get(fileIdOf(id)) === section) && (!allowed || allowed.has(id));
  const filtered = within.size > 0 && !(within.size === 1 && within.get('kind') === 'main');
  return {
    // None while the filter's stories are unknown: a step then would ignore the filter.
    neighbourOf: (from, delta, every = false) =>
      pending ? null : stepStory(order, from, delta, every ? 'any' : unit, accept),
    pending,
    within,
    endMessage: (delta, every = false) => {
      const what = every ? 'story' : unit === 'brief' ? 'brief' : 'article';
      return `This is the ${delta > 0 ? 'last' : 'first'} ${what} ${filtered ? 'in this filter' : 'in the library'}.`;
    },
  };
}
