import { tokenize } from '../../src/corpus/normalize';
import { isContentTerm } from '../../src/corpus/related/features';
import type { Story } from '../../src/corpus/types';

/**
 * The plain baseline the related index is measured against: TF-IDF cosine over unigrams
 * (raw tf × ln(N/df)), title and paragraphs as one text, stop words and bare numbers removed,
 * full vectors, exact top-k by brute-force accumulation over postings. No duplicate handling.
 */
export function baselineRelated(stories: Story[], k: number): Map<string, string[]> {
  const n = stories.length;
  const tfs = stories.map((s) => {
    const m = new Map<string, number>();
    for (const text of [s.title, ...s.paragraphs])
      for (const { term } of tokenize(text))
        if (isContentTerm(term)) m.set(term, (m.get(term) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const m of tfs) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const postings = new Map<string, { d: number; w: number }[]>();
  const vecs = tfs.map((m, d) => {
    const v: [string, number][] = [];
    let norm = 0;
    for (const [t, tf] of m) {
      const w = tf * Math.log(n / df.get(t)!);
      if (w > 0) {
        v.push([t, w]);
        norm += w * w;
      }
    }
    norm = Math.sqrt(norm) || 1;
    for (const x of v) {
      x[1] /= norm;
      const list = postings.get(x[0]) ?? [];
      list.push({ d, w: x[1] });
      postings.set(x[0], list);
    }
    return v;
  });
  const out = new Map<string, string[]>();
  const acc = new Float64Array(n);
  vecs.forEach((v, d) => {
    acc.fill(0);
    for (const [t, w] of v) for (const p of postings.get(t)!) acc[p.d]! += w * p.w;
    acc[d] = -1;
    const order = Array.from(acc.keys())
      .filter((e) => acc[e]! > 0)
      .sort((a, b) => acc[b]! - acc[a]! || a - b)
      .slice(0, k);
    out.set(
      stories[d]!.id,
      order.map((e) => stories[e]!.id),
    );
  });
  return out;
}
