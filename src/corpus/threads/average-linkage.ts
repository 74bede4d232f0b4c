import type { IntPairMap } from '../int-pair-map';

/**
 * Average-linkage merging over the candidate pairs (a missing pair counts 0): repeatedly joins
 * the two groups whose stories are most alike on average, while that average reaches `threshold`.
 * Returns the groups of two or more nodes, as story indices (each node's copies included); a
 * node that joins no one is left out.
 *
 * Only the nodes of a pair at or over the threshold can ever join anyone, and only within the
 * components such pairs link: a group's average with another is the mean of its stories' averages
 * with it, so it reaches the threshold only if some pair across does. The merging therefore runs
 * on those components' nodes and the pairs inside them, which at 100,000 stories are ~15 % of the
 * nodes and a fraction of the ~1.5 M pairs (every pair in Maps was ~10 s of the threads' ~16 s,
 * and much of the step's garbage). The result is the same, ties included: every pair the merging
 * pushes lies inside a component, and the containers keep, among the pairs they hold, the order
 * the whole set had (`links` in the nodes' first appearance, each node's links as added), so the
 * heap sees the same pushes in the same order.
 */
export function averageLinkage(
  n: number,
  node: Int32Array,
  sims: IntPairMap,
  threshold: number,
): number[][] {
  const comp = components(n, sims, threshold);
  const members = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    const r = node[d]!;
    if (comp[r]! < 0) continue;
    const m = members.get(r);
    if (m) m.push(d);
    else members.set(r, [d]);
  }
  const size = new Map<number, number>();
  // Sum of similarities between groups, keyed by the two groups' ids.
  const links = new Map<number, Map<number, number>>();
  for (let i = 0; i < sims.size; i++) {
    const a = sims.first[i]!;
    const b = sims.second[i]!;
    // Each node's Map is made where the whole set would first name it, for `links`'s order.
    const ca = comp[a]!;
    const cb = comp[b]!;
    const la = ca >= 0 ? linksOf(links, a) : undefined;
    const lb = cb >= 0 ? linksOf(links, b) : undefined;
    if (ca !== cb || !la || !lb) continue;
    la.set(b, sims.value[i]!);
    lb.set(a, sims.value[i]!);
  }
  for (const r of links.keys()) size.set(r, 1);
  const heap: [number, number, number][] = [];
  const push = (a: number, b: number): void => {
    const s = links.get(a)!.get(b)! / (size.get(a)! * size.get(b)!);
    if (s >= threshold) heapPush(heap, [s, a, b]);
  };
  for (const [a, m] of links) for (const b of m.keys()) if (a < b) push(a, b);
  while (heap.length) {
    const [s, a, b] = heapPop(heap);
    if (!size.has(a) || !size.has(b)) continue;
    const now = links.get(a)!.get(b)! / (size.get(a)! * size.get(b)!);
    if (Math.abs(now - s) > 1e-9) continue; // stale: one side has grown since
    // Merge b into a.
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
  return [...members.values()].filter((m) => m.some((d) => node[d] !== node[m[0]!]));
}

function linksOf(links: Map<number, Map<number, number>>, a: number): Map<number, number> {
  let m = links.get(a);
  if (!m) links.set(a, (m = new Map()));
  return m;
}

/**
 * Each node's component over the pairs at or over the threshold (a number shared by the
 * component's nodes), or -1 for a node in no such pair.
 */
function components(n: number, sims: IntPairMap, threshold: number): Int32Array {
  const parent = new Int32Array(n).fill(-1);
  const root = (x: number): number => {
    let r = x;
    while (parent[r]! !== r) r = parent[r]!;
    while (parent[x]! !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  for (let i = 0; i < sims.size; i++) {
    if (!(sims.value[i]! >= threshold)) continue;
    const a = sims.first[i]!;
    const b = sims.second[i]!;
    if (parent[a] === -1) parent[a] = a;
    if (parent[b] === -1) parent[b] = b;
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const comp = new Int32Array(n).fill(-1);
  for (let x = 0; x < n; x++) if (parent[x] !== -1) comp[x] = root(x);
  return comp;
}

// A binary max-heap on the first element.
function heapPush(h: [number, number, number][], x: [number, number, number]): void {
  h.push(x);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (h[p]![0] >= h[i]![0]) break;
    [h[p], h[i]] = [h[i]!, h[p]!];
    i = p;
  }
}

function heapPop(h: [number, number, number][]): [number, number, number] {
  const top = h[0]!;
  const last = h.pop()!;
  if (h.length) {
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l]![0] > h[m]![0]) m = l;
      if (r < h.length && h[r]![0] > h[m]![0]) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i]!, h[m]!];
      i = m;
    }
  }
  return top;
}
