import { useCallback, useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from '../../lib/router';
import { absoluteUrl, paths } from '../../config/paths';
import { rowById } from '../../corpus/folder-listing';
import { useFolderListing } from '../../data/use-folder-listing';
import { closePalette, markPaletteAnswered, useTypedAhead } from './palette-store';
import { buildGroups, type ResultItem } from './result-model';
import { usePaletteKeys } from './use-palette-keys';
import { useRecentSearches } from './use-recent-searches';
import { useSearchResults } from './use-search-results';

// The best story with its paragraphs, the matching names (so a name is never below the fold),
// then a few more stories, compact.
const PALETTE = {
  topStories: 1,
  maxStories: 7,
  paragraphs: 2,
  restParagraphs: 0,
  maxNames: 3,
  seeAll: true,
};

/** Wires the palette: the typed query, its results as options, the keys, and opening a result. */
export function usePalette() {
  const id = useId();
  const navigate = useNavigate();
  // Until the input is edited, the text is what was typed while the dialog's code loaded (see
  // TypeAhead), read as an external store: should a key arrive between the dialog's first render
  // and its commit, React renders again with it (see useDialogModule on why none should).
  const typedAhead = useTypedAhead();
  const [edited, setText] = useState<string | null>(null);
  const text = edited ?? typedAhead;
  // No more stories than it shows: an answer from the build's search chunks fetches a fragment
  // file per story listed (search-sources.ts), and 20 were ~1 s of a cold BBC query.
  // An answer from the chunks fetches the top story's file for its paragraphs (the palette
  // shows that story's only).
  const search = useSearchResults(text, PALETTE.maxStories, PALETTE.topStories);
  const recents = useRecentSearches();
  const kickerOf = useKickers();
  const { results } = search;
  const groups = useMemo(
    () => (results ? buildGroups(results, kickerOf, PALETTE) : []),
    [results, kickerOf],
  );
  const items = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const optionId = useCallback((key: string) => `${id}-o-${encodeURIComponent(key)}`, [id]);

  const choose = (item: ResultItem, newTab: boolean) => {
    recents.add(text);
    // "See all results" is for the text typed, even when the list shown still answers an earlier
    // text (End picks it before the new answer is in): `ballistic` opened the page for `ballis`.
    const href = item.kind === 'all' ? paths.search.getHref(text.trim()) : item.href;
    if (newTab) {
      window.open(absoluteUrl(href), '_blank', 'noopener');
      return;
    }
    closePalette(false);
    void navigate(href);
  };
  const ready = !search.stale;
  // Enter pressed before the answer for the text typed: it opens that answer's best result when
  // it arrives, unless the text changes first.
  const early = useRef<{ text: string; newTab: boolean } | null>(null);
  const chooseLater = useEffectEvent((item: ResultItem, newTab: boolean) => choose(item, newTab));
  useEffect(() => {
    const want = early.current;
    if (!want) return;
    if (want.text !== text) early.current = null;
    else if (ready) {
      early.current = null;
      if (items[0]) chooseLater(items[0], want.newTab);
    }
  }, [text, ready, items]);
  const keys = usePaletteKeys({
    items,
    // The text typed, not the query of the results shown: results arriving late for what is
    // already typed must not move the active option the user chose (End, then a late answer).
    resetKey: text,
    ready,
    optionId,
    onChoose: choose,
    onEarlyEnter: (newTab) => (early.current = { text, newTab }),
    onClose: () => closePalette(true),
  });
  const empty = text.trim().length === 0;
  useEffect(() => {
    if (!empty && ready && results) markPaletteAnswered();
  }, [empty, ready, results]);
  return {
    listId: `${id}-list`,
    text,
    setText,
    empty,
    results: empty ? null : results,
    stale: search.stale,
    analysing: search.analysing,
    indexing: search.indexing,
    error: search.error,
    archive: search.archive,
    groups: empty ? [] : groups,
    expanded: !empty && items.length > 0,
    optionId,
    choose,
    keys,
    recents,
  };
}

/**
 * Kicker of a story, for the result meta line: its listing row's, looked up when asked (for the
 * ~20 results shown). The rows' index is made on the first look-up of a batch, not at each
 * batch: a map of every story rebuilt per batch was, on a warm BBC reload, 2,225 entries, ~25 ms
 * and a garbage collection in the task that held back the first search's answer (traced).
 */
function useKickers(): (storyId: string) => string | null {
  const { rows } = useFolderListing();
  return useCallback((id: string) => rowById(rows, id)?.kicker ?? null, [rows]);
}
