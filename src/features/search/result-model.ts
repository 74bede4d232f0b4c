import type { EntityHit, SearchResults, Snippet, StoryHit } from '../../corpus/search/types';
import { paths } from '../../config/paths';

/** A copy of a story elsewhere in the folder, listed with it ("Also published as"). */
export interface StoryCopy {
  storyId: string;
  /** Its file id, and its title too when that differs from the story's. */
  label: string;
  href: string;
}

/** One selectable row of the results: a story, one of its paragraphs, a name, or "see all". */
export type ResultItem =
  | {
      kind: 'story';
      key: string;
      href: string;
      hit: StoryHit;
      kicker: string | null;
      copies: StoryCopy[];
    }
  | { kind: 'paragraph'; key: string; href: string; storyTitle: string; snippet: Snippet }
  | { kind: 'entity'; key: string; href: string; hit: EntityHit }
  | { kind: 'all'; key: string; href: string; total: number; atLeast: boolean };

export interface ResultGroup {
  key: string;
  label: string;
  items: ResultItem[];
}

export interface ModelOptions {
  /** Stories shown before the people/places/organizations group. */
  topStories: number;
  /** Names (people, places, organizations) shown at most. */
  maxNames: number;
  /** Stories shown in all (top ones included). */
  maxStories: number;
  /** Paragraph sub-results per top story, besides the one of its snippet. */
  paragraphs: number;
  /** Paragraph sub-results per story after the names group. */
  restParagraphs: number;
  /** Add a "See all N results" row at the end. */
  seeAll: boolean;
}

/**
 * Groups the engine's answer for display: top stories (each followed by its paragraph
 * sub-results), then matching names, then the remaining stories; without names, one group of
 * stories. Pure, so both the palette and the results page show the same thing.
 */
export function buildGroups(
  results: SearchResults,
  kickerOf: (storyId: string) => string | null,
  opts: ModelOptions,
): ResultGroup[] {
  const query = results.query.raw.trim();
  const storyItems = (hits: StoryHit[], paragraphs: number): ResultItem[] =>
    hits.flatMap((hit) => {
      const best = hit.snippet?.paragraph;
      const head: ResultItem = {
        kind: 'story',
        key: `s:${hit.storyId}`,
        href: paths.story.getHref(hit.storyId, { query, paragraph: best }),
        hit,
        kicker: kickerOf(hit.storyId),
        copies: hit.duplicates.map((c) => ({
          storyId: c.storyId,
          label: c.title === hit.title ? c.storyId : `${c.title} (${c.storyId})`,
          href: paths.story.getHref(c.storyId, { query }),
        })),
      };
      const subs = hit.paragraphs
        .filter((s) => s.paragraph !== best)
        .slice(0, paragraphs)
        .map((snippet): ResultItem => ({
          kind: 'paragraph',
          key: `p:${hit.storyId}#${snippet.paragraph}`,
          href: paths.story.getHref(hit.storyId, { query, paragraph: snippet.paragraph }),
          storyTitle: hit.title,
          snippet,
        }));
      return [head, ...subs];
    });
  const stories = results.stories.slice(0, opts.maxStories);
  const groups: ResultGroup[] = [];
  const top = storyItems(stories.slice(0, opts.topStories), opts.paragraphs);
  const rest = storyItems(stories.slice(opts.topStories), opts.restParagraphs);
  const names = results.entities.slice(0, opts.maxNames);
  if (names.length === 0) {
    if (top.length) groups.push({ key: 'top', label: 'Stories', items: [...top, ...rest] });
  } else {
    if (top.length) groups.push({ key: 'top', label: 'Stories', items: top });
    groups.push({
      key: 'entities',
      label: 'People, places and organizations',
      items: names.map((hit) => ({
        kind: 'entity',
        key: `e:${hit.id}`,
        href: paths.entity.getHref(hit.id),
        hit,
      })),
    });
    if (rest.length) groups.push({ key: 'rest', label: 'More stories', items: rest });
  }
  if (opts.seeAll && results.total > 0) {
    groups.push({
      key: 'all',
      label: 'All results',
      items: [
        {
          kind: 'all',
          key: 'all',
          href: paths.search.getHref(query),
          total: results.total,
          atLeast: results.totalAtLeast === true,
        },
      ],
    });
  }
  return groups;
}

export function storyCountLabel(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'story' : 'stories'}`;
}

/**
 * The snippet cut so its first hit sits near the start (at a word boundary, after "…"), so a
 * two-line clamp never hides the match.
 */
export function leadToHit(snippet: Snippet, lead: number): Snippet {
  const first = snippet.highlights[0];
  if (!first || first[0] <= lead) return snippet;
  let cut = first[0] - lead;
  const space = snippet.text.indexOf(' ', cut);
  if (space >= 0 && space < first[0]) cut = space + 1;
  const shift = cut - 1;
  return {
    ...snippet,
    text: `…${snippet.text.slice(cut)}`,
    highlights: snippet.highlights.map(([a, b]) => [a - shift, b - shift]),
  };
}
