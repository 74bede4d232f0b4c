import { beforeAll, describe, expect, it } from 'vitest';
import { seeds } from '../../../../scripts/lib/search-corpora';
import { duplicateRoots } from '../search-duplicates';
import { bodyPostings, buildSearchIndex, titleDocs } from '../search-index';
import { textVocabulary } from '../term-expansion';
import type { SearchIndex } from '../types';
import { buildChunks, type BuiltChunks } from './build-chunks';
import { ChunkFormatError } from './bytes';
import { decodeFragments } from './fragments';
import {
  chunksFor,
  decodeDirectoryPage,
  DIRECTORY_PAGE,
  decodeMeta,
  encodeMeta,
  fileNames,
  pagesFor,
  vocabChunksFor,
  type ChunkMeta,
} from './meta';
import { TITLE_BOOST } from '../ranking';
import { decodePositions } from './positions';
import { decodePostings, decodeTails, type TermPostings } from './postings';
import { decodeVocab } from './vocab';

let index: SearchIndex;
let built: BuiltChunks;
// Tiny files, so that common terms are split over several and every range lookup is exercised.
let tiny: BuiltChunks;
// Terms in more than 3 of the 15 stories keep 2 in their chunk, the rest in tail files.
let tiered: BuiltChunks;

beforeAll(() => {
  index = buildSearchIndex(seeds().stories);
  built = buildChunks(index);
  tiny = buildChunks(index, { postingsBytes: 64, positionsBytes: 64, vocabBytes: 64 });
  tiered = buildChunks(index, { postingsBytes: 256, headPostings: 2, tierFrom: 3 });
});

const file = (b: BuiltChunks, name: string): Uint8Array => {
  const f = b.files.get(name);
  if (!f) throw new Error(`missing ${name}`);
  return f;
};

/** Every term's parts, reassembled from the postings files the meta says hold it. */
function termParts(b: BuiltChunks, term: string): TermPostings[] {
  return chunksFor(b.postings, term)
    .flatMap((i) => decodePostings(file(b, fileNames.postings(i))))
    .filter((r) => r.term === term);
}

/** A term's head parts, then the parts of the tail files they name. */
function tieredParts(b: BuiltChunks, term: string): TermPostings[] {
  const head = termParts(b, term);
  const tail = head[0]?.tail;
  if (!tail) return head;
  const rest: TermPostings[] = [];
  for (let i = tail.from; i < tail.to; i++)
    rest.push(...decodeTails(file(b, fileNames.tail(i))).filter((r) => r.term === term));
  return [...head, ...rest];
}

const sorted = (xs: Iterable<number>): number[] => [...xs].sort((a, b) => a - b);

describe('chunk files', () => {
  it('read back to the index they were cut from: postings, titles, positions', () => {
    for (const b of [built, tiny]) {
      const v = textVocabulary(index);
      for (let k = 0; k < v.sorted.length; k++) {
        const term = v.sorted[k]!;
        const t = v.sortedIds[k]!;
        const parts = termParts(b, term);
        const body = bodyPostings(index, t);
        const docs = parts.flatMap((p) => [...p.docs]);
        expect(docs).toEqual(Array.from(body).filter((_, i) => i % 2 === 0));
        expect(parts.flatMap((p) => [...p.titleDocs])).toEqual(Array.from(titleDocs(index, t)));
        expect(parts[0]!.df).toBe(docs.length);
        for (const p of parts)
          p.titleDocs.forEach((d, i) =>
            expect(p.titleDerived[i]).toBe(index.docs[d]!.titleDerived ? 1 : 0),
          );
        const positions = chunksFor(b.positions, term)
          .flatMap((i) => decodePositions(file(b, fileNames.positions(i))))
          .filter((r) => r.term === term);
        positions.forEach((p) =>
          p.docs.forEach((d, i) => {
            const tokens = Array.from(index.docs[d]!.bodyTokens);
            const expected = tokens.flatMap((id, at) => (id === t ? [at] : []));
            expect([...p.body[i]!]).toEqual(expected);
          }),
        );
        expect(positions.flatMap((p) => [...p.docs])).toEqual(docs);
      }
    }
    // The tiny build really split terms.
    expect(tiny.postings.continues.some(Boolean)).toBe(true);
  });

  it('keep a common term whole across its head and tail, the head its best stories', () => {
    const v = textVocabulary(index);
    const whole = (b: BuiltChunks, term: string): Map<number, number> => {
      const out = new Map<number, number>();
      for (const p of tieredParts(b, term)) {
        p.docs.forEach((d, i) => out.set(d, p.impacts[i]!));
        p.titleDocs.forEach((d, i) =>
          out.set(d, (out.get(d) ?? 0) + TITLE_BOOST * (p.titleDerived[i] ? 0.4 : 1)),
        );
      }
      return out;
    };
    let heads = 0;
    for (let k = 0; k < v.sorted.length; k++) {
      const term = v.sorted[k]!;
      const t = v.sortedIds[k]!;
      const parts = tieredParts(tiered, term);
      const body = Array.from(bodyPostings(index, t)).filter((_, i) => i % 2 === 0);
      expect(sorted(parts.flatMap((p) => [...p.docs]))).toEqual(body);
      expect(sorted(parts.flatMap((p) => [...p.titleDocs]))).toEqual(
        Array.from(titleDocs(index, t)),
      );
      // Same impacts as the untiered build: only where they are stored changed.
      expect(whole(tiered, term)).toEqual(whole(built, term));
      const head = termParts(tiered, term);
      const tail = head[0]!.tail;
      const stories = new Set([...body, ...titleDocs(index, t)]);
      expect(tail !== null, term).toBe(stories.size > 3);
      if (!tail) continue;
      heads++;
      const s = whole(tiered, term);
      const inHead = new Set(head.flatMap((p) => [...p.docs, ...p.titleDocs]));
      expect(inHead.size).toBe(2);
      const rest = [...s].filter(([d]) => !inHead.has(d)).map(([, x]) => x);
      // The bound is never below a tail story, and the head holds the best.
      expect(Math.max(...rest)).toBeLessThanOrEqual(tail.bound);
      expect(tail.bound - Math.max(...rest)).toBeLessThan(0.001);
      for (const d of inHead) expect(s.get(d)!).toBeGreaterThanOrEqual(Math.max(...rest));
      const roots = new Set([...stories].map((d) => tiered.meta.duplicateRoot[d]));
      expect(tail.groups).toBe(roots.size);
    }
    expect(heads).toBeGreaterThan(20);
  });

  it("keep impacts within BM25's term-frequency range (0, K1 + 1]", () => {
    const parts = termParts(built, 'the');
    for (const p of parts) for (const x of p.impacts) expect(x > 0 && x <= 2.2).toBe(true);
  });

  it('hold the vocabulary in order with each term frequency, and find a prefix range', () => {
    const v = textVocabulary(index);
    for (const b of [built, tiny]) {
      const all = b.meta.vocabFirst.map((_, i) => decodeVocab(file(b, fileNames.vocab(i))));
      expect(all.flatMap((e) => e.terms)).toEqual(v.sorted);
      expect(all.flatMap((e) => e.freqs)).toEqual(Array.from(v.sortedIds, (id) => v.freq(id)));
      const terms = vocabChunksFor(b.meta, 'pyong').flatMap(
        (i) => decodeVocab(file(b, fileNames.vocab(i))).terms,
      );
      expect(terms.filter((t) => t.startsWith('pyong'))).toEqual(
        v.sorted.filter((t) => t.startsWith('pyong')),
      );
    }
  });

  it('find every term through the directory pages, split terms across pages included', async () => {
    expect(tiny.meta.postingsPages.length).toBeGreaterThan(1);
    // A page that begins in the middle of a split term: its term is looked up from the page before.
    expect(tiny.positions.continues.some((c, i) => c && i % DIRECTORY_PAGE === 0)).toBe(true);
    const v = textVocabulary(index);
    for (const [ranges, pages, name] of [
      [tiny.postings, tiny.meta.postingsPages, fileNames.postingsPage],
      [tiny.positions, tiny.meta.positionsPages, fileNames.positionsPage],
    ] as const) {
      const read = (k: number) => Promise.resolve(decodeDirectoryPage(file(tiny, name(k))));
      const all = await Promise.all(pages.map((_, k) => read(k)));
      expect(all.flatMap((p) => p.first)).toEqual(ranges.first);
      for (const term of [...v.sorted, '', 'zzzz', '\uffff']) {
        const { from, ranges: got } = await pagesFor(pages, term, read);
        expect(chunksFor(got, term).map((i) => i + from)).toEqual(chunksFor(ranges, term));
      }
    }
  });

  it('carry the meta and fragments through a round trip', () => {
    const meta = decodeMeta(file(built, fileNames.meta));
    expect(meta).toEqual(built.meta);
    expect(meta.stories).toBe(index.docs.length);
    expect(Array.from(meta.duplicateRoot)).toEqual(Array.from(duplicateRoots(index)));
    const ids = [];
    for (let i = 0; i * meta.fragmentGroup < meta.stories; i++)
      ids.push(...decodeFragments(file(built, fileNames.fragments(i))).map((f) => f.id));
    expect(ids).toEqual(index.docs.map((d) => d.id));
  });

  it('carry copies and sections through meta, whichever side of a copy its root is', () => {
    const meta: ChunkMeta = {
      ...built.meta,
      stories: 6,
      sections: ['a', 'b'],
      sectionOf: Int32Array.from([0, 0, -1, 1, 1, 0]),
      duplicateRoot: Int32Array.from([0, 4, 2, 0, 4, 5]),
    };
    expect(decodeMeta(encodeMeta(meta))).toEqual(meta);
  });

  it('refuse a file of another kind or a cut one', () => {
    const p = file(built, fileNames.postings(0));
    expect(() => decodePostings(file(built, fileNames.vocab(0)))).toThrow();
    expect(() => decodePostings(p.subarray(0, p.length - 1))).toThrow();
    expect(() => decodeMeta(new Uint8Array())).toThrow();
    // A forged story count is refused before anything is allocated for it.
    const forged = encodeMeta({ ...built.meta, stories: 0, sectionOf: new Int32Array() });
    forged.set([0xff, 0xff, 0xff, 0xff, 0x0f], 2);
    expect(() => decodeMeta(forged)).toThrow(ChunkFormatError);
  });
});

describe('buildChunks with a sink', () => {
  it('gives every file to the sink once, the same bytes as the returned set, and keeps none', () => {
    // Tiered and tiny, so postings, tails and positions are each cut into several files.
    const options = { postingsBytes: 256, positionsBytes: 64, headPostings: 2, tierFrom: 3 };
    const kept = buildChunks(index, options);
    const sunk = new Map<string, Uint8Array>();
    const streamed = buildChunks(index, options, (name, bytes) => {
      expect(sunk.has(name)).toBe(false);
      sunk.set(name, bytes);
    });
    expect(streamed.files.size).toBe(0);
    expect([...sunk.keys()].sort()).toEqual([...kept.files.keys()].sort());
    for (const [name, bytes] of kept.files) expect(sunk.get(name)).toEqual(bytes);
    expect([...sunk.keys()].filter((n) => n === fileNames.tail(0))).toHaveLength(1);
    expect(streamed.meta).toEqual(kept.meta);
    // The ranges the directory pages hold.
    const ranges = (r: BuiltChunks['postings']) => ({ first: r.first, continues: r.continues });
    expect(ranges(streamed.postings)).toEqual(ranges(kept.postings));
    expect(ranges(streamed.positions)).toEqual(ranges(kept.positions));
  });
});
