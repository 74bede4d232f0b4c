import { tokenize } from '../normalize';
import { isContentTerm } from '../related/features';
import { TIME_AND_REPORTING_WORDS } from '../related/news-words';
import type { Story } from '../types';

/**
 * The words of a story's headline and lede with their counts: where news states its event
 * (the inverted pyramid: who did what comes first). Miranda et al. (2018) score a story's title
 * apart from its body for the same reason. The lede is the first `words` words of the text
 * (stop words counted), about its first sentence or two; a title made from the lede is not
 * counted twice.
 */
export function ledeTerms(story: Story, words: number): Map<string, number> {
  const out = new Map<string, number>();
  const add = (term: string): void => {
    if (!isContentTerm(term) || TIME_AND_REPORTING_WORDS.has(term)) return;
    out.set(term, (out.get(term) ?? 0) + 1);
  };
  if (!story.titleDerived) for (const t of tokenize(story.title)) add(t.term);
  let left = words;
  for (const p of story.paragraphs) {
    for (const t of tokenize(p)) {
      if (left-- <= 0) return out;
      add(t.term);
    }
  }
  return out;
}
