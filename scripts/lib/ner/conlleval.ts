/**
 * Span-level scoring as conlleval does it: an entity counts only when its exact token span and
 * its type match the gold. Precision, recall and F1 per type and overall.
 */
import { bioSpans } from './conll';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface SpanScore {
  byType: Record<string, Counts>;
  /** Micro-average over `types`. */
  all: Counts;
}

export interface TokenSpan {
  start: number;
  end: number;
  type: string;
}

/**
 * Adds one sentence's spans to `acc`; only the given types are scored (others are ignored), and
 * with `keep`, only the spans it keeps, gold and predicted alike (see unseen.ts).
 */
export function scoreSentence(
  gold: readonly string[],
  pred: readonly string[],
  types: readonly string[],
  acc: SpanScore,
  keep: (s: TokenSpan) => boolean = () => true,
): void {
  const key = (s: TokenSpan): string => `${s.start}:${s.end}:${s.type}`;
  const scored = (s: TokenSpan): boolean => types.includes(s.type) && keep(s);
  const g = new Set(bioSpans(gold).filter(scored).map(key));
  const p = new Set(bioSpans(pred).filter(scored).map(key));
  for (const k of p) add(acc, k.split(':')[2]!, g.has(k) ? 'tp' : 'fp');
  for (const k of g) if (!p.has(k)) add(acc, k.split(':')[2]!, 'fn');
}

export function emptyScore(types: readonly string[]): SpanScore {
  const byType: Record<string, Counts> = {};
  for (const t of types) byType[t] = { tp: 0, fp: 0, fn: 0 };
  return { byType, all: { tp: 0, fp: 0, fn: 0 } };
}

function add(acc: SpanScore, type: string, kind: keyof Counts): void {
  acc.byType[type]![kind]++;
  acc.all[kind]++;
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return { p, r, f1: (2 * p * r) / (p + r || 1) };
}

/** A table of P/R/F1 per type and overall, three decimals, nothing rounded up. */
export function formatScore(s: SpanScore): string {
  const f = (x: number): string => (Math.floor(x * 1000) / 1000).toFixed(3);
  const rows = [...Object.entries(s.byType), ['ALL', s.all] as const].map(([t, c]) => {
    const { p, r, f1 } = prf(c);
    return `${t.padEnd(5)} ${f(p)}  ${f(r)}  ${f(f1)}  (${c.tp}/${c.fp}/${c.fn})`;
  });
  return ['type  P      R      F1     (tp/fp/fn)', ...rows].join('\n');
}
