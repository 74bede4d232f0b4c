import { foldText } from '../normalize';

/** A full (multi-word) person name met in the story, with its position and mentions so far. */
interface FullName {
  id: string;
  words: string[];
  /** Korean-style names ("Kim Jong-un") are shortened to their first word, others to their last. */
  surnameFirst: boolean;
  order: number;
  count: number;
}

const HYPHEN_GIVEN = /^\p{Lu}\p{Ll}+[-‐]\p{Ll}+$/u;

/**
 * Resolves short forms ("Putin", "Kim") to the full names of the same story. When several full
 * names share the short form ("Kim Jong-un", "Kim Yo-jong"), the one mentioned most so far wins,
 * then the one met first: the story's main actor is the usual referent.
 */
export class PersonResolver {
  private readonly names: FullName[] = [];

  /** Records a full name (two words or more) in reading order. */
  addFull(id: string, surface: string): void {
    const found = this.names.find((n) => n.id === id);
    if (found) {
      found.count++;
      return;
    }
    const raw = surface.split(/\s+/u);
    this.names.push({
      id,
      words: raw.map((w) => foldText(w)),
      surnameFirst: raw.slice(1).some((w) => HYPHEN_GIVEN.test(w)),
      order: this.names.length,
      count: 1,
    });
  }

  /** True when a lone word is the short form of some full name of the story. */
  knows(word: string): boolean {
    return this.names.some((n) => this.matches(n, word));
  }

  /** The id of the full name a lone word stands for, or null. */
  resolve(word: string): string | null {
    let best: FullName | null = null;
    for (const n of this.names) {
      if (!this.matches(n, word)) continue;
      if (!best || n.count > best.count || (n.count === best.count && n.order < best.order))
        best = n;
    }
    return best?.id ?? null;
  }

  private matches(n: FullName, word: string): boolean {
    return n.surnameFirst ? n.words[0] === word : n.words[n.words.length - 1] === word;
  }
}
