import { IntPairMap } from '../int-pair-map';
import { CJK, tokenize } from '../normalize';
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

// The word grammar of `tokenize` (src/corpus/normalize.ts: /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/u),
// scanned by hand in `Vocabulary.tokenize`. Each distinct raw word is then folded once, by
// `tokenize` itself, so the terms are exactly the shared tokenizer's; a test checks the two
// still agree.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const JOINERS = "'’.";

/** Length (1 or 2 code units) of the letter or digit at `i`, or 0 when there is none. */
function wordChar(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80)
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  const n = cp > 0xffff ? 2 : 1;
  return LETTER_OR_DIGIT.test(text.slice(i, i + n)) ? n : 0;
}

export interface TermOptions {
  bigrams: boolean;
  stem: boolean;
}

/**
 * The vocabulary of one index build. Tokens (folded words, stop words included) and features
 * (what rows are made of: content terms, bigrams, entity ids) get dense integer ids, so the
 * build counts in typed arrays instead of a Map per story; each raw word is folded once.
 */
export class Vocabulary {
  /** Folded tokens by id, their `hashString` (MinHash shingles) and feature id (-1: none). */
  readonly tokens: string[] = [];
  readonly tokenHash: number[] = [];
  readonly tokenFeature: number[] = [];
  /** Occurrences of each token, to label a folded feature by its commonest surface form. */
  readonly tokenCount: number[] = [];
  readonly features: string[] = [];
  private readonly tokenIds = new Map<string, number>();
  private readonly rawIds = new Map<string, number | number[]>();
  private readonly featureIds = new Map<string, number>();
  /** (first feature, second feature) → the bigram's feature id. */
  private readonly bigramIds = new IntPairMap();

  constructor(
    private readonly opts: TermOptions,
    private readonly hash: (s: string) => number,
  ) {}

  /**
   * Appends the token ids of `text` to `out`. Scans words by hand (`WORD`'s grammar: runs of
   * letters and digits joined by single inner apostrophes or dots) so a word costs one slice
   * and one Map lookup, not a RegExp match object.
   */
  tokenize(text: string, out: number[]): void {
    const len = text.length;
    let i = 0;
    while (i < len) {
      let w = wordChar(text, i);
      if (w === 0) {
        i++;
        continue;
      }
      const start = i;
      do i += w;
      while (i < len && (w = wordChar(text, i)) > 0);
      // Inner apostrophes and dots: "U.S.", "don't" (only when a letter or digit follows).
      while (i + 1 < len && JOINERS.includes(text[i]!) && (w = wordChar(text, i + 1)) > 0) {
        i += 1 + w;
        while (i < len && (w = wordChar(text, i)) > 0) i += w;
      }
      const raw = text.slice(start, i);
      let ids = this.rawIds.get(raw);
      if (ids === undefined) {
        const terms = tokenize(raw).map((t) => this.token(t.term));
        ids = terms.length === 1 ? terms[0]! : terms;
        this.rawIds.set(raw, ids);
      }
      if (typeof ids === 'number') {
        out.push(ids);
        this.tokenCount[ids]!++;
      } else {
        for (const id of ids) {
          out.push(id);
          this.tokenCount[id]!++;
        }
      }
    }
  }

  /** Feature id of a name, created on first use. */
  feature(name: string): number {
    let id = this.featureIds.get(name);
    if (id === undefined) {
      id = this.features.length;
      this.features.push(name);
      this.featureIds.set(name, id);
    }
    return id;
  }

  /** Feature id of the bigram of two adjacent content features. */
  bigram(a: number, b: number): number {
    let id = this.bigramIds.get(a, b);
    if (id === undefined) {
      id = this.feature(`${this.features[a]!} ${this.features[b]!}`);
      this.bigramIds.set(a, b, id);
    }
    return id;
  }

  get bigrams(): boolean {
    return this.opts.bigrams;
  }

  /** The word to show for a feature: its most frequent surface form (differs when stemming). */
  labels(): (feature: string) => string {
    if (!this.opts.stem) return (f) => f;
    const best = new Map<number, number>();
    this.tokenFeature.forEach((f, t) => {
      if (f < 0) return;
      const b = best.get(f);
      const [c, bc] = [this.tokenCount[t]!, b === undefined ? -1 : this.tokenCount[b]!];
      if (b === undefined || c > bc || (c === bc && this.tokens[t]! < this.tokens[b]!)) {
        best.set(f, t);
      }
    });
    const label = (f: string): string => {
      if (f.includes(' ')) return f.split(' ').map(label).join(' ');
      const id = this.featureIds.get(f);
      const t = id === undefined ? undefined : best.get(id);
      return t === undefined ? f : this.tokens[t]!;
    };
    return label;
  }

  private token(term: string): number {
    let id = this.tokenIds.get(term);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokens.push(term);
      this.tokenIds.set(term, id);
      this.tokenHash.push(this.hash(term));
      this.tokenCount.push(0);
      this.tokenFeature.push(
        isContentTerm(term) ? this.feature(this.opts.stem ? stemTerm(term) : term) : -1,
      );
    }
    return id;
  }
}
