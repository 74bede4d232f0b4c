import { CJK, tokenize } from '../normalize';
import type { Story } from '../types';
import { STOP_WORDS } from './stop-words';

/** Title and kicker tokens count this many times: a headline names the subject of the story. */
export const TITLE_BOOST = 2;

/**
 * True for tokens worth a feature: not a stop word, not a bare number (years and amounts tie
 * unrelated stories), and at least two characters unless it is a CJK character.
 */
export function isContentTerm(term: string): boolean {
  if (STOP_WORDS.has(term)) return false;
  if (/^\p{N}+$/u.test(term)) return false;
  return term.length >= 2 || CJK.test(term);
}

/** Folded tokens of every text of a story, in reading order, one array per text block. */
export function storyBlocks(story: Story): { title: string[][]; body: string[][] } {
  const title: string[][] = [];
  // A derived title repeats the lede: boosting it would count the lede twice.
  if (!story.titleDerived) title.push(tokens(story.title));
  if (story.kicker) title.push(tokens(story.kicker));
  return { title, body: story.paragraphs.map(tokens) };
}

function tokens(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

/** Raw term counts of a story: content terms, title boosted, plus (optionally) bigrams. */
export function termCounts(story: Story, bigrams: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  const { title, body } = storyBlocks(story);
  const add = (block: string[], times: number): void => {
    let prev: string | null = null;
    for (const term of block) {
      if (!isContentTerm(term)) {
        prev = null;
        continue;
      }
      counts.set(term, (counts.get(term) ?? 0) + times);
      // Bigrams only over adjacent content words ("north korea", "interest rates").
      if (bigrams && prev !== null) {
        const bg = `${prev} ${term}`;
        counts.set(bg, (counts.get(bg) ?? 0) + times);
      }
      prev = term;
    }
  };
  for (const block of title) add(block, TITLE_BOOST);
  for (const block of body) add(block, 1);
  return counts;
}
