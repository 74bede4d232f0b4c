import { K1, lengthNorm } from '../ranking';
import { duplicateRoots } from '../search-duplicates';
import { bodyPostings, titleDocs } from '../search-index';
import { prefixCap, textVocabulary } from '../term-expansion';
import type { SearchIndex } from '../types';
import { prefixMatches } from '../vocabulary';
import { cutLede, encodeFragments } from './fragments';
import { encodeDirectory, encodeMeta, fileNames, type ChunkMeta, type TermRanges } from './meta';
import { PostingsChunker } from './postings';
import { encodeTop, firstChar, VocabChunker, type TopCompletions } from './vocab';

/**
 * Cuts a built search index (the one the worker builds, `buildSearchIndex`) into the files a
 * static host serves, so a browser fetches only what a query touches: `meta`, postings and
 * positions chunks by term range, vocabulary chunks, top-completion files and story fragments.
 * Runs at build time in Node; pure (returns the files, writes nothing).
 */
export interface ChunkOptions {
  /** Postings chunk size before gzip, bytes. */
  postingsBytes?: number;
  /** Positions chunk size before gzip, bytes. */
  positionsBytes?: number;
  /**
   * Bytes per quantized BM25 impact: 1 (smaller) or 2 (ranks as the in-memory engine). Words
   * in nearly every story get 1 either way (postings.ts).
   */
  impactBytes?: 1 | 2;
  /** Vocabulary chunk size before gzip, bytes. */
  vocabBytes?: number;
  /** Stories per fragment file. */
  fragmentGroup?: number;
  /**
   * A term in more than `tierFrom` stories keeps its best `headPostings` stories in its postings
   * chunk and the rest in tail files, fetched only when the heads cannot prove a query's top k
   * (tiers.ts). 64 covers the results page's 20 (and the palette's 7) with a margin for copies
   * and for stories other words lift. `tierFrom` defaults to a quarter of `postingsBytes`
   * (~4 bytes a posting: a term that fills its own file or more). Below that a term stays
   * whole: a smaller tail would share its tail file with other terms' tails, and a query that
   * needs it (every submitted query of several words, for its count) would fetch two files
   * where it fetched one (at 10,000 stories with 256: "council tax in scotland" 90 → 140 KB).
   */
  headPostings?: number;
  tierFrom?: number;
}

export const DEFAULT_CHUNK_OPTIONS: Required<ChunkOptions> = {
  postingsBytes: 16 * 1024,
  positionsBytes: 16 * 1024,
  impactBytes: 2,
  vocabBytes: 16 * 1024,
  fragmentGroup: 8,
  headPostings: 64,
  tierFrom: 4096,
};

export interface BuiltChunks {
  /**
   * File name (see `fileNames`) → bytes, uncompressed: the host gzips them. Empty when
   * `buildChunks` was given a sink, which took each file as it was made.
   */
  files: Map<string, Uint8Array>;
  meta: ChunkMeta;
  /** Where every postings and positions chunk starts (what the directory pages hold). */
  postings: TermRanges;
  positions: TermRanges;
}

/**
 * `sink`, when given, takes every file as soon as it is made (name, bytes), in no particular
 * order, and `files` stays empty: the build writes them at once rather than holding the whole
 * set (~220 MB at 100,000 stories) until the end of the cut.
 */
export function buildChunks(
  index: SearchIndex,
  options: ChunkOptions = {},
  sink?: (name: string, bytes: Uint8Array) => void,
): BuiltChunks {
  const o = {
    ...DEFAULT_CHUNK_OPTIONS,
    tierFrom: Math.floor((options.postingsBytes ?? DEFAULT_CHUNK_OPTIONS.postingsBytes) / 4),
    ...options,
  };
  const files = new Map<string, Uint8Array>();
  const put = sink ?? ((name: string, bytes: Uint8Array) => void files.set(name, bytes));
  const v = textVocabulary(index);
  const n = index.docs.length;

  const roots = duplicateRoots(index);
  const postings = new PostingsChunker(
    o.postingsBytes,
    o.positionsBytes,
    o.impactBytes,
    n,
    { head: o.headPostings, from: o.tierFrom },
    roots,
    {
      postings: (i, b) => put(fileNames.postings(i), b),
      tails: (i, b) => put(fileNames.tail(i), b),
      positions: (i, b) => put(fileNames.positions(i), b),
    },
  );
  const vocab = new VocabChunker(o.vocabBytes);
  const pos = termPositions(index);
  const norm = lengthNorms(index);
  for (let i = 0; i < v.sorted.length; i++) {
    const t = v.sortedIds[i]!;
    const term = v.sorted[i]!;
    vocab.add(term, v.freq(t));
    const body = bodyPostings(index, t);
    const titles = titleDocs(index, t);
    const docs = new Uint32Array(body.length / 2);
    const impacts = new Float64Array(docs.length);
    // A body posting's positions are its tf next ones of the term's (story order, then token).
    const bodyStarts = new Uint32Array(docs.length + 1);
    let at = 0;
    for (let p = 0; p < body.length; p += 2) {
      const d = body[p]!;
      const tf = body[p + 1]!;
      docs[p / 2] = d;
      impacts[p / 2] = (tf * (K1 + 1)) / (tf + norm[d]!);
      bodyStarts[p / 2] = at;
      at += tf;
    }
    bodyStarts[docs.length] = at;
    const counts = pos.titleCounts[t]!;
    const titleStarts = new Uint32Array(counts.length + 1);
    at = 0;
    counts.forEach((c, i) => {
      titleStarts[i] = at;
      at += c;
    });
    titleStarts[counts.length] = at;
    const bodyPositions = {
      flat: pos.body.subarray(pos.bodyStart[t]!, pos.bodyStart[t + 1]!),
      starts: bodyStarts,
    };
    const titlePositions = {
      flat: pos.title.subarray(pos.titleStart[t]!, pos.titleStart[t + 1]!),
      starts: titleStarts,
    };
    postings.add({
      term,
      docs,
      impacts,
      titleDocs: Uint32Array.from(titles),
      titleDerived: Uint8Array.from(titles, (d) => (index.docs[d]!.titleDerived ? 1 : 0)),
      bodyPositions,
      titlePositions,
    });
  }
  const p = postings.finish();
  const postingsDir = encodeDirectory(p.postings);
  postingsDir.pages.forEach((b, k) => put(fileNames.postingsPage(k), b));
  const positionsDir = encodeDirectory(p.positions);
  positionsDir.pages.forEach((b, k) => put(fileNames.positionsPage(k), b));
  vocab.finish().forEach((b, i) => put(fileNames.vocab(i), b));

  const tops = topCompletions(index);
  for (const [c, top] of tops) put(fileNames.top(c), encodeTop(top));

  for (let start = 0; start < n; start += o.fragmentGroup) {
    const group = index.docs.slice(start, start + o.fragmentGroup).map((d) => ({
      id: d.id,
      title: d.title,
      section: d.section,
      kind: d.kind,
      lede: cutLede(d.paragraphs[0] ?? ''),
    }));
    put(fileNames.fragments(start / o.fragmentGroup), encodeFragments(group));
  }

  const sections = [...new Set(index.docs.map((d) => d.section).filter((s) => s !== null))];
  const sectionIndex = new Map(sections.map((s, i) => [s, i]));
  const meta: ChunkMeta = {
    stories: n,
    postingsPages: postingsDir.first,
    positionsPages: positionsDir.first,
    vocabFirst: vocab.first,
    topChars: [...tops.keys()],
    fragmentGroup: o.fragmentGroup,
    sections,
    sectionOf: Int32Array.from(index.docs, (d) =>
      d.section === null ? -1 : sectionIndex.get(d.section)!,
    ),
    duplicateRoot: roots,
  };
  put(fileNames.meta, encodeMeta(meta));
  return { files, meta, postings: p.postings, positions: p.positions };
}

/**
 * Every term's token positions, flat per term in story order (a body posting's share is its tf),
 * all terms' back to back in one typed array (term t's from `bodyStart[t]`, counted first);
 * titles the same, with a count per title posting. A 100,000-story folder has ~45 million
 * positions: an array per term grown by push, then sliced per posting, was much of the cut's time
 * in the garbage collector.
 */
function termPositions(index: SearchIndex): {
  body: Uint32Array;
  bodyStart: Uint32Array;
  title: Uint32Array;
  titleStart: Uint32Array;
  titleCounts: number[][];
} {
  const terms = index.terms.length;
  const bodyStart = new Uint32Array(terms + 1);
  const titleStart = new Uint32Array(terms + 1);
  for (const doc of index.docs) {
    for (let i = 0; i < doc.bodyTokens.length; i++) bodyStart[doc.bodyTokens[i]! + 1]!++;
    for (let i = 0; i < doc.titleTokens.length; i++) titleStart[doc.titleTokens[i]! + 1]!++;
  }
  for (let t = 0; t < terms; t++) {
    bodyStart[t + 1]! += bodyStart[t]!;
    titleStart[t + 1]! += titleStart[t]!;
  }
  const body = new Uint32Array(bodyStart[terms]!);
  const title = new Uint32Array(titleStart[terms]!);
  const bodyAt = bodyStart.slice(0, terms);
  const titleAt = titleStart.slice(0, terms);
  const titleCounts = Array.from({ length: terms }, (): number[] => []);
  const seen = new Int32Array(terms).fill(-1);
  index.docs.forEach((doc, d) => {
    for (let i = 0; i < doc.bodyTokens.length; i++) body[bodyAt[doc.bodyTokens[i]!]!++] = i;
    for (let i = 0; i < doc.titleTokens.length; i++) {
      const t = doc.titleTokens[i]!;
      title[titleAt[t]!++] = i;
      const counts = titleCounts[t]!;
      if (seen[t] === d) counts[counts.length - 1]!++;
      else counts.push(1);
      seen[t] = d;
    }
  });
  return { body, bodyStart, title, titleStart, titleCounts };
}

/** BM25's length part per story, as ranking.ts computes it, folded into the impacts. */
function lengthNorms(index: SearchIndex): Float64Array {
  const n = index.docs.length;
  const avgdl = index.totalBodyTokens / Math.max(1, n) || 1;
  return Float64Array.from(index.docs, (d) => lengthNorm(d.bodyTokens.length, avgdl));
}

/** Completions of every one- and two-unit prefix, by first letter, as the in-memory engine ranks them. */
function topCompletions(index: SearchIndex): Map<string, TopCompletions> {
  const v = textVocabulary(index);
  const prefixes = new Set<string>();
  for (const term of v.sorted) {
    for (const len of [1, 2]) {
      if (term.length < len) continue;
      const p = term.slice(0, len);
      // A prefix ending inside a surrogate pair is no typed word.
      const last = p.charCodeAt(p.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) continue;
      prefixes.add(p);
    }
  }
  const out = new Map<string, TopCompletions>();
  for (const p of prefixes) {
    const ids = prefixMatches(v, p, prefixCap(p.length));
    if (ids.length === 0) continue;
    const c = firstChar(p);
    let top = out.get(c);
    if (!top) out.set(c, (top = new Map()));
    top.set(p, { terms: ids.map((id) => v.terms[id]!), freqs: ids.map((id) => v.freq(id)) });
  }
  return out;
}
