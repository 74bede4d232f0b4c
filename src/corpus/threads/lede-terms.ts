import { tokenize } from '../normalize';
import type { Story } from '../types';

/**
 * The folded words of a story's headline and lede: where news states its event (the inverted
 * pyramid: who did what comes first). Miranda et al. (2018) score a story's title apart from its
 * body for the same reason. The lede is the first `words` words of the text, about its first
 * sentence; a title made from the lede is not counted twice. Stop words are included (the
 * caller keeps the words it has features for).
 */
export function ledeTerms(story: Story, words: number): string[] {
  const out = story.titleDerived ? [] : tokenize(story.title).map((t) => t.term);
  let left = words;
  for (const p of story.paragraphs) {
    if (left <= 0) break;
    // Only the paragraph's first `left` space-separated chunks: each is one word or more
    // ("Jong-un" is two), so no word of the lede is cut, and a long paragraph is not scanned.
    const toks = tokenize(p.slice(0, chunkEnd(p, left)));
    for (const t of toks.slice(0, left)) out.push(t.term);
    left -= toks.length;
  }
  return out;
}

/** The end of the first `n` whitespace-separated chunks of `text`. */
function chunkEnd(text: string, n: number): number {
  const re = /\S+/gu;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const m = re.exec(text);
    if (!m) return text.length;
    end = m.index + m[0].length;
  }
  return end;
}
