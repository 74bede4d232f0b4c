import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Story } from '../../corpus/types';
import { storyHitsQuery } from '../../data/analysis-api';
import { useArchiveWithoutSearch } from '../../data/archive-api';

/**
 * The `?q=` layer of the reading view: where the query's words are in each paragraph, a toggle,
 * and n/N to walk the hits. On arrival it scrolls to the first hit unless the link names a
 * paragraph (`#p5`), which then wins.
 */
export function useSearchHits(story: Story, query: string, hasParagraphTarget: boolean) {
  // An archive's worker finds them with the chunks' expansions; without chunks there are none.
  const archive = useArchiveWithoutSearch();
  const q = useQuery({
    ...storyHitsQuery(story, query),
    enabled: !archive && query.trim().length > 0,
  });
  const [shown, setShown] = useState(true);
  const [current, setCurrent] = useState(-1);
  const hits = query && q.data && q.data.length === story.paragraphs.length ? q.data : null;
  const total = hits?.reduce((n, r) => n + r.length, 0) ?? 0;
  const scrolled = useRef<string | null>(null);

  const focusHit = useCallback((i: number) => {
    const els = document.querySelectorAll<HTMLElement>('[data-story-text] mark[data-search-hit]');
    if (els.length === 0) return;
    const k = ((i % els.length) + els.length) % els.length;
    els.forEach((el, j) =>
      j === k ? el.setAttribute('data-current', '') : el.removeAttribute('data-current'),
    );
    els[k]!.scrollIntoView({ block: 'center' });
    setCurrent(k);
  }, []);

  useEffect(() => {
    const key = `${story.id}?${query}`;
    if (!hits || total === 0 || !shown || scrolled.current === key) return;
    scrolled.current = key;
    if (!hasParagraphTarget) requestAnimationFrame(() => focusHit(0));
  }, [hits, total, shown, story.id, query, hasParagraphTarget, focusHit]);

  // Stable while the hits are: the story text re-renders its chunks when this changes.
  const hitsFor = useCallback(
    (i: number): [number, number][] => (shown && hits ? (hits[i] ?? []) : []),
    [shown, hits],
  );
  const firstParagraph = hits ? hits.findIndex((r) => r.length > 0) + 1 : 0;

  return {
    active: query.trim().length > 0,
    /** 1-based paragraph of the first hit (0: none), which must be in the page to scroll to. */
    firstParagraph,
    loading: q.isPending && query.trim().length > 0,
    total,
    current,
    shown,
    toggle: () => setShown((s) => !s),
    hitsFor,
    next: () => focusHit(current + 1),
    prev: () => focusHit(current - 1),
  };
}
