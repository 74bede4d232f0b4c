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

// The word pattern of `tokenize` (src/corpus/normalize.ts). Each distinct raw word is folded
// once, by `tokenize` itself, so the terms are exactly the shared tokenizer's; a test checks the
// two patterns still agree.
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

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
  private readonly bigramIds = new Map<number, number>();

  constructor(
    private readonly opts: TermOptions,
    private readonly hash: (s: string) => number,
  ) {}

  /** Appends the token ids of `text` to `out`. */
  tokenize(text: string, out: number[]): void {
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      let ids = this.rawIds.get(m[0]);
      if (ids === undefined) {
        const terms = tokenize(m[0]).map((t) => this.token(t.term));
        ids = terms.length === 1 ? terms[0]! : terms;
        this.rawIds.set(m[0], ids);
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
    const key = a * 0x1000000 + b;
    let id = this.bigramIds.get(key);
    if (id === undefined) {
      id = this.feature(`${this.features[a]!} ${this.features[b]!}`);
      this.bigramIds.set(key, id);
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
