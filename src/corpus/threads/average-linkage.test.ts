import { describe, expect, it } from 'vitest';
import { IntPairMap } from '../int-pair-map';
import { averageLinkage } from './average-linkage';

/**
 * The merging as it ran with its heap of tuples (build-threads.ts at d05b1f7), kept as the
 * reference the typed heap must equal, ties included.
 */
function reference(n: number, node: Int32Array, sims: IntPairMap, threshold: number): number[][] {
  const members = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    const r = node[d]!;
    const m = members.get(r);
    if (m) m.push(d);
    else members.set(r, [d]);
  }
  const size = new Map<number, number>();
  for (const r of members.keys()) size.set(r, 1);
  const links = new Map<number, Map<number, number>>();
  const link = (a: number): Map<number, number> => {
    let m = links.get(a);
    if (!m) links.set(a, (m = new Map()));
    return m;
  };
  for (let i = 0; i < sims.size; i++) {
    const a = sims.first[i]!;
    const b = sims.second[i]!;
    link(a).set(b, sims.value[i]!);
    link(b).set(a, sims.value[i]!);
  }
  // The same heap, as arrays sorted on insert would break ties otherwise.
  const heap: [number, number, number][] = [];
  const up = (x: [number, number, number]) => {
    heap.push(x);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p]![0] >= heap[i]![0]) break;
      [heap[p], heap[i]] = [heap[i]!, heap[p]!];
      i = p;
    }
  };
  const down = (): [number, number, number] => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l]![0] > heap[m]![0]) m = l;
        if (r < heap.length && heap[r]![0] > heap[m]![0]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
    return top;
  };
  const push = (a: number, b: number): void => {
    const s = links.get(a)!.get(b)! / (size.get(a)! * size.get(b)!);
    if (s >= threshold) up([s, a, b]);
  };
  for (const [a, m] of links) for (const b of m.keys()) if (a < b) push(a, b);
  while (heap.length) {
    const [s, a, b] = down();
    if (!size.has(a) || !size.has(b)) continue;
    const now = links.get(a)!.get(b)! / (size.get(a)! * size.get(b)!);
    if (Math.abs(now - s) > 1e-9) continue;
    const la = links.get(a)!;
    const lb = links.get(b)!;
    la.delete(b);
    for (const [x, v] of lb) {
      if (x === a) continue;
      la.set(x, (la.get(x) ?? 0) + v);
      const lx = links.get(x)!;
      lx.set(a, (lx.get(a) ?? 0) + v);
      lx.delete(b);
    }
    links.delete(b);
    size.set(a, size.get(a)! + size.get(b)!);
    size.delete(b);
    members.get(a)!.push(...members.get(b)!);
    members.delete(b);
    for (const x of la.keys()) push(Math.min(a, x), Math.max(a, x));
  }
  return [...members.values()];
}

/** Groups of two or more nodes, each in its members' order, the groups by their first member. */
function joined(groups: number[][], node: Int32Array): number[][] {
  return groups
    .filter((m) => new Set(m.map((d) => node[d])).size > 1)
    .sort((x, y) => x[0]! - y[0]!);
}

/** A seeded generator (mulberry32): the same graphs on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A folder's candidate pairs as the threads make them: each story's few neighbours, under
 * (lower, higher) node, copies pointing at their group's first story. Similarities on a coarse
 * grid, so that many averages tie.
 */
function graph(seed: number, n: number, neighbours: number, grid: number) {
  const rnd = random(seed);
  const node = Int32Array.from({ length: n }, (_, d) =>
    d > 0 && rnd() < 0.05 ? Math.floor(rnd() * d) : d,
  );
  for (let d = 0; d < n; d++) node[d] = node[node[d]!]!;
  const sims = new IntPairMap(n * neighbours);
  for (let d = 0; d < n; d++) {
    for (let k = 0; k < neighbours; k++) {
      // Mostly near neighbours (topics), sometimes anyone.
      const e =
        rnd() < 0.8 ? Math.min(n - 1, d + 1 + Math.floor(rnd() * 12)) : Math.floor(rnd() * n);
      const a = node[d]!;
      const b = node[e]!;
      if (a === b || sims.has(Math.min(a, b), Math.max(a, b))) continue;
      sims.set(Math.min(a, b), Math.max(a, b), Math.round(rnd() ** 3 * grid) / grid);
    }
  }
  return { node, sims };
}

describe('averageLinkage', () => {
  it('forms the groups that merging over every node and pair forms, in the same order', () => {
    let formed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const n = 50 + seed * 37;
      const { node, sims } = graph(seed, n, 2 + (seed % 6), seed % 2 ? 10 : 1000);
      for (const threshold of [0.1, 0.25]) {
        const want = joined(reference(n, node, sims, threshold), node);
        const got = joined(averageLinkage(n, node, sims, threshold), node);
        expect(got, `seed ${seed}, threshold ${threshold}`).toEqual(want);
        formed += want.length;
      }
    }
    // The graphs are ones where groups form (not a comparison of empty results).
    expect(formed).toBeGreaterThan(500);
  });

  it('leaves out a node none of whose pairs reaches the threshold', () => {
    const sims = new IntPairMap();
    sims.set(0, 1, 0.5);
    sims.set(1, 2, 0.05);
    sims.set(2, 3, 0.09);
    const node = Int32Array.from([0, 1, 2, 3]);
    expect(averageLinkage(4, node, sims, 0.1)).toEqual([[0, 1]]);
  });
});
