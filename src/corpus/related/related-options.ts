/**
 * Scoring knobs. The defaults are the configuration the app uses; the others exist so
 * `scripts/eval-related.ts` can measure the alternatives in one run.
 */
export interface RelatedOptions {
  /** Term-frequency damping: 'log' = 1 + ln tf (sublinear), 'raw' = tf, 'bm25' = BM25 saturation. */
  tf: 'log' | 'raw' | 'bm25';
  /** BM25 saturation and length normalisation (tf: 'bm25'). */
  k1: number;
  b: number;
  /** Exponent on idf: 1 is classic TF-IDF; below 1 lets mid-frequency topic words count more. */
  idfPower: number;
  /** Adjacent content-word pairs as extra features. */
  bigrams: boolean;
  /** Light plural folding of terms. */
  stem: boolean;
  /** Title and kicker tokens count this many times. */
  titleBoost: number;
  /** Terms found in fewer stories are left out (a term no other story has links nothing, but
   * would still weigh in the cosine's length normalisation). */
  minDf: number;
  /** Features kept per story (highest weights): bounds postings and query time. */
  maxTerms: number;
  /** Entity features kept per story. */
  maxEntities: number;
  /** Share of the score given to shared entities (0..1) when entity ids are supplied. */
  entityWeight: number;
  /** Exponent on entity idf: rare shared names count, "place/us" hardly does. */
  entityIdfPower: number;
  /** Entity tf: 'log' = 1 + ln(mentions), 'binary' = mentioned or not (the same for a list of
   * distinct ids and a list of mentions). */
  entityTf: 'log' | 'binary';
  /** Re-normalise the pruned vector to unit length (cosine over the kept features). */
  renormalize: boolean;
  /** Features per story that enter the postings (candidate generation). */
  headTerms: number;
  /** Candidates per story scored exactly over full rows. */
  candidates: number;
  /** Neighbourhood vote (see `smoothedTop` in related-query.ts): first-pass list length … */
  smoothPool: number;
  /** … how many nearest neighbours vote … */
  smoothNeighbours: number;
  /** … and the weight of their vote (0 disables it). */
  smoothWeight: number;
}

/** Chosen by `npm run eval:related` (see docs/related-design.md). */
export const DEFAULT_RELATED_OPTIONS: RelatedOptions = {
  tf: 'log',
  k1: 1.2,
  b: 0.75,
  idfPower: 0.25,
  bigrams: false,
  stem: false,
  titleBoost: 2,
  minDf: 2,
  maxTerms: 300,
  maxEntities: 16,
  entityWeight: 0.05,
  entityIdfPower: 2,
  entityTf: 'binary',
  renormalize: true,
  headTerms: 60,
  candidates: 100,
  smoothPool: 40,
  smoothNeighbours: 5,
  smoothWeight: 1,
};

/** Prefix of entity features in `features` (never produced by `tokenize`, which drops `@`). */
export const ENTITY_PREFIX = '@';
