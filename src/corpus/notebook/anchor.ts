import { approxMatches, similarity } from './fuzzy-match';
import type { Anchor, TextPositionSelector, TextQuoteSelector } from './types';

/**
 * Re-anchoring, as Hypothesis does it (its match-quote.ts): every candidate place of the quote is
 * scored on the quote, its prefix, its suffix and its distance from the stored position; the best
 * one wins. Candidates are the exact occurrences when there are any, else approximate ones.
 *
 * Stricter than Hypothesis, because a misplaced highlight is worse than an orphan (the user sees
 * and can re-attach an orphan; a highlight quietly moved to other words misinforms): an
 * approximate match may differ from the quote in at most a quarter of its characters (Hypothesis
 * allows half, which lets a 100-character quote land on unrelated text of a removed paragraph's
 * neighbour), and a short quote needs its context too.
 */

/** At most this share of the quote's characters may differ in an approximate match. */
export const MAX_ERROR_RATE = 0.25;
/** Quotes shorter than this match approximately only where their context also matches. */
export const SHORT_QUOTE = 32;
/** The context (mean of prefix and suffix similarity) a short approximate match needs. */
export const SHORT_QUOTE_CONTEXT = 0.5;
/** Context at least this alike makes an exact occurrence the place without looking further. */
const GOOD_CONTEXT = 0.5;
/** Past this many characters of text, approximate search first looks near the old position. */
const WINDOW_AFTER = 200_000;
/** Exact occurrences scored at most (a one-letter quote in a 20 MB text has millions). */
const MAX_EXACT = 2_000;

// Weights of Hypothesis' scorer: the quote counts most, its context next, the position a little.
const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POSITION = 2;

export interface Scored {
  start: number;
  end: number;
  score: number;
  context: number;
}

/** Places a quote in `text`: exactly, approximately, or not at all (an orphan). */
export function anchorQuote(
  text: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
): Anchor {
  const { exact } = quote;
  if (!exact) return { status: 'orphan', reason: 'text-changed' };
  const hint = position?.start;

  const exactHits = exactOccurrences(text, exact, hint);
  const exactBest = exactHits.length ? pickBest(text, quote, hint, exactHits) : null;
  // An exact occurrence in its own context is the place. One whose context is gone may be
  // another mention of the same words ("Kim Jong-un" again, three paragraphs on) while the
  // highlighted one was respelt: an approximate match in the old context then scores higher.
  if (exactBest && exactBest.context >= GOOD_CONTEXT) {
    return { status: 'exact', start: exactBest.start, end: exactBest.end };
  }
  const fuzzyBest = approximateBest(text, mask(text, exactHits), quote, hint);
  if (exactBest && (!fuzzyBest || exactBest.score >= fuzzyBest.score)) {
    return { status: 'exact', start: exactBest.start, end: exactBest.end };
  }
  if (!fuzzyBest) return { status: 'orphan', reason: 'text-changed' };
  const [start, end] = trimRange(text, fuzzyBest.start, fuzzyBest.end);
  return end > start
    ? { status: 'fuzzy', start, end }
    : { status: 'orphan', reason: 'text-changed' };
}

/**
 * The text with the exact occurrences blotted out (same length): the matcher returns only the
 * matches of least error, which would be those again.
 */
function mask(text: string, hits: readonly Candidate[]): string {
  if (!hits.length) return text;
  let out = '';
  let at = 0;
  for (const h of [...hits].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out += text.slice(at, h.start) + '\u0000'.repeat(h.end - h.start);
    at = h.end;
  }
  return out + text.slice(at);
}

/** The best approximate place that passes the error and short-quote rules, if any. */
function approximateBest(
  text: string,
  searchIn: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
): Scored | null {
  const maxErrors = Math.floor(quote.exact.length * MAX_ERROR_RATE);
  if (maxErrors < 1) return null;
  const found = approximate(searchIn, quote.exact, maxErrors, hint);
  const best = found.length ? pickBest(text, quote, hint, found) : null;
  return best && best.context >= contextNeeded(quote.exact) ? best : null;
}

function contextNeeded(exact: string): number {
  return exact.length < SHORT_QUOTE ? SHORT_QUOTE_CONTEXT : 0;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Every exact occurrence, the stored position first when it still holds the quote. */
function exactOccurrences(text: string, exact: string, hint?: number): Candidate[] {
  const out: Candidate[] = [];
  if (hint !== undefined && text.startsWith(exact, hint)) {
    out.push({ start: hint, end: hint + exact.length, errors: 0 });
  }
  for (let at = text.indexOf(exact); at !== -1 && out.length < MAX_EXACT;) {
    if (at !== hint) out.push({ start: at, end: at + exact.length, errors: 0 });
    at = text.indexOf(exact, at + 1);
  }
  return out;
}

/** Approximate matches; in a very long text, near the old position first. */
function approximate(text: string, exact: string, maxErrors: number, hint?: number): Candidate[] {
  if (text.length > WINDOW_AFTER && hint !== undefined) {
    const reach = Math.max(4_000, exact.length * 4);
    const from = Math.max(0, hint - reach);
    const near = approxMatches(text.slice(from, hint + exact.length + reach), exact, maxErrors).map(
      (m) => ({ ...m, start: m.start + from, end: m.end + from }),
    );
    if (near.length) return near;
  }
  return approxMatches(text, exact, maxErrors);
}

function pickBest(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  candidates: Candidate[],
): Scored {
  let best: Scored | null = null;
  for (const c of candidates) {
    const s = score(text, quote, hint, c);
    if (!best || s.score > best.score) best = s;
  }
  return best!;
}

/** Hypothesis' score, normalised to 0…1, with the context part kept for the short-quote rule. */
export function score(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  c: Candidate,
): Scored {
  const q = 1 - c.errors / quote.exact.length;
  const prefix = quote.prefix
    ? similarity(text.slice(Math.max(0, c.start - quote.prefix.length), c.start), quote.prefix)
    : 1;
  const suffix = quote.suffix
    ? similarity(text.slice(c.end, c.end + quote.suffix.length), quote.suffix)
    : 1;
  const pos =
    hint === undefined || text.length === 0 ? 1 : 1 - Math.abs(c.start - hint) / text.length;
  const raw = W_QUOTE * q + W_PREFIX * prefix + W_SUFFIX * suffix + W_POSITION * pos;
  return {
    start: c.start,
    end: c.end,
    score: raw / (W_QUOTE + W_PREFIX + W_SUFFIX + W_POSITION),
    context: (prefix + suffix) / 2,
  };
}

function trimRange(text: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  while (a < b && /\s/u.test(text[a]!)) a++;
  while (b > a && /\s/u.test(text[b - 1]!)) b--;
  return [a, b];
}
