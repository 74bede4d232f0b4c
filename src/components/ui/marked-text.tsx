import type { HTMLAttributes, ReactNode } from 'react';

/** A span of text to wrap in an outer `<mark>` (entities): non-overlapping, sorted by start. */
export interface OuterMark {
  start: number;
  end: number;
  props: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string | undefined>;
}

/**
 * A span to wrap in an innermost `<mark>` (the reader's own highlights): non-overlapping, sorted.
 */
export type InnerMark = OuterMark;

/**
 * Text with three independent layers: outer marks (entity mentions), hits (search matches,
 * `<mark data-search-hit>`) and inner marks (the reader's highlights), nested in that order. A
 * range that crosses the edge of a layer above it is split there, so every mention and every hit
 * stays one element; a highlight may come in several pieces.
 *
 * IMPORTANT: only wraps, never rewrites: the element's textContent equals `text` whatever the
 * marks (ranges are clipped to the text, bad ranges are ignored).
 */
export function MarkedText({
  text,
  outer = [],
  hits = [],
  inner = [],
}: {
  text: string;
  outer?: OuterMark[];
  hits?: [number, number][];
  inner?: InnerMark[];
}) {
  const cleanInner = normalize(
    inner.map((o) => [o.start, o.end, o] as const),
    text.length,
  );
  const leaf = (from: number, to: number, key: string) =>
    withInner(text, from, to, cleanInner, key);
  const cleanHits = normalize(hits, text.length);
  const cleanOuter = normalize(
    outer.map((o) => [o.start, o.end, o] as const),
    text.length,
  );
  const out: ReactNode[] = [];
  let pos = 0;
  for (const [start, end, mark] of cleanOuter) {
    if (start > pos) out.push(...withHits(pos, start, cleanHits, `t${pos}`, leaf));
    out.push(
      <mark key={`m${start}`} {...mark.props}>
        {withHits(start, end, cleanHits, `m${start}`, leaf)}
      </mark>,
    );
    pos = end;
  }
  if (pos < text.length) out.push(...withHits(pos, text.length, cleanHits, `t${pos}`, leaf));
  return <>{out}</>;
}

function withHits(
  from: number,
  to: number,
  hits: (readonly [number, number])[],
  key: string,
  leaf: (from: number, to: number, key: string) => ReactNode[],
): ReactNode[] {
  const out: ReactNode[] = [];
  let pos = from;
  for (const [s, e] of hits) {
    if (e <= from || s >= to) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (a > pos) out.push(...leaf(pos, a, `${key}t${pos}`));
    out.push(
      <mark key={`${key}h${a}`} data-search-hit="">
        {leaf(a, b, `${key}h${a}`)}
      </mark>,
    );
    pos = b;
  }
  if (pos < to) out.push(...leaf(pos, to, `${key}t${pos}`));
  return out;
}

/** Text of [from, to) with the inner marks that fall in it, cut at its edges. */
function withInner(
  text: string,
  from: number,
  to: number,
  inner: (readonly [number, number, InnerMark])[],
  key: string,
): ReactNode[] {
  const out: ReactNode[] = [];
  let pos = from;
  for (const [s, e, mark] of inner) {
    if (e <= from || s >= to) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (a > pos) out.push(text.slice(pos, a));
    out.push(
      <mark key={`${key}i${a}`} {...mark.props}>
        {text.slice(a, b)}
      </mark>,
    );
    pos = b;
  }
  if (pos < to) out.push(text.slice(pos, to));
  return out;
}

/** Sorted, clipped, non-overlapping ranges (later overlapping ranges are dropped). */
function normalize<T extends readonly [number, number, ...unknown[]]>(
  ranges: readonly T[],
  length: number,
): T[] {
  const sorted = ranges
    .filter(
      (r) =>
        Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[1] > r[0] && r[0] < length && r[1] > 0,
    )
    .map((r) => [Math.max(0, r[0]), Math.min(length, r[1]), ...r.slice(2)] as unknown as T)
    .sort((a, b) => a[0] - b[0]);
  const out: T[] = [];
  let last = 0;
  for (const r of sorted) {
    if (r[0] < last) continue;
    out.push(r);
    last = r[1];
  }
  return out;
}
