import { CJK, tokenize } from '../normalize';
import type { Story } from '../types';
import { STOP_WORDS } from './stop-words';

/**
 * True for tokens worth a feature: not a stop word, not a bare number (years and amounts tie
 * unrelated stories), and at least two characters unless it is a CJK character.
 */
export function isContentTerm(term: string): boolean {
  if (STOP_WORDS.has(term)) return false;
  if (/^\p{N}+$/u.test(term)) return false;
  return term.length >= 2 || CJK.test(term);
}

/**
 * Light plural folding ("tariffs" → "tariff", "companies" → "company"), option `stem`. Off by
 * default: +0.4 points of precision@5 on BBC with classic weights, ±0 at the chosen ones. A stem
 * is displayed as its most frequent surface form.
 */
export function stemTerm(t: string): string {
  if (t.length > 4 && t.endsWith('ies')) return t.slice(0, -3) + 'y';
  if (t.length > 3 && t.endsWith('s') && !t.endsWith('ss') && !t.endsWith('us')) {
    return t.slice(0, -1);
  }
  return t;
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

export interface TermOptions {
  bigrams: boolean;
  titleBoost: number;
  stem: boolean;
}

/**
 * Counts features from token blocks. One instance serves a whole build: it caches the
 * token → feature mapping (stop-word test, stemming) and tallies surface forms per stem so each
 * feature can be shown as the word readers saw most.
 */
export class TermCounter {
  private readonly feature = new Map<string, string | null>();
  private readonly surfaces = new Map<string, Map<string, number>>();

  constructor(private readonly opts: TermOptions) {}

  count(blocks: { title: string[][]; body: string[][] }): Map<string, number> {
    const counts = new Map<string, number>();
    const add = (block: string[], times: number): void => {
      let prev: string | null = null;
      for (const token of block) {
        const term = this.toFeature(token);
        if (term === null) {
          prev = null;
          continue;
        }
        counts.set(term, (counts.get(term) ?? 0) + times);
        // Bigrams only over adjacent content words ("north korea", "interest rates").
        if (this.opts.bigrams && prev !== null) {
          const bg = `${prev} ${term}`;
          counts.set(bg, (counts.get(bg) ?? 0) + times);
        }
        prev = term;
      }
    };
    for (const block of blocks.title) add(block, this.opts.titleBoost);
    for (const block of blocks.body) add(block, 1);
    return counts;
  }

  /** The word to show for a feature: its most frequent surface form. */
  label(feature: string): string {
    if (feature.includes(' '))
      return feature
        .split(' ')
        .map((w) => this.label(w))
        .join(' ');
    const seen = this.surfaces.get(feature);
    if (!seen) return feature;
    let best = feature;
    let bestCount = -1;
    for (const [s, c] of seen) {
      if (c > bestCount || (c === bestCount && s < best)) [best, bestCount] = [s, c];
    }
    return best;
  }

  private toFeature(token: string): string | null {
    let f = this.feature.get(token);
    if (f === undefined) {
      f = isContentTerm(token) ? (this.opts.stem ? stemTerm(token) : token) : null;
      this.feature.set(token, f);
    }
    if (f !== null) {
      let seen = this.surfaces.get(f);
      if (!seen) this.surfaces.set(f, (seen = new Map()));
      seen.set(token, (seen.get(token) ?? 0) + 1);
    }
    return f;
  }
}
