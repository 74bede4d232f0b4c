import { bm25Idf, K1 } from '../ranking';
import { ByteReader, ChunkFormatError, readFrontCoded, type ByteWriter } from './bytes';
import type { TermRanges } from './meta';
import { RangeChunker, type FileSink, type RangeRecord } from './range-chunker';
import { X_MAGIC } from './positions';
import { encodeTailBound, splitTier, storiesOf, tailBoundValue, type TierPostings } from './tiers';

/**
 * Postings chunks (`p-<i>`): the terms of one term range, each with its body postings (story
 * index gaps, and the BM25 impact of each posting) and its title postings (gaps, with a bit for
 * "title derived from the lede"). Positions chunks (`x-<i>`, their own term ranges and sizes)
 * hold each posting's token positions, fetched only for phrases: positions are ~3 times the
 * postings' bytes, and most queries have no phrase. A common term (in more than `tierFrom`
 * stories) keeps only its head in its postings chunk, with where its tail is (`q-<i>`, the
 * same records) and what the tail can weigh (tiers.ts).
 *
 * The impact is BM25's term-frequency part, tf·(K1 + 1) / (tf + K1·(1 − B + B·dl/avgdl)), in
 * (0, K1 + 1), quantized to one or two bytes (per term: see `add`). It is all the body score
 * needs besides the idf, so no table of story lengths is downloaded. One byte rounds it by up to
 * 0.0043 (two: 0.00002), times the idf in a score: enough to swap two stories whose scores were
 * that close.
 */
export interface TermPostings {
  term: string;
  /** Stories whose body has the term (over the whole folder, also in a part of a split term). */
  df: number;
  /** Stories whose title has the term. */
  titleDf: number;
  docs: Uint32Array;
  /** Impacts of `docs`, as `impactValue` reads them. */
  impacts: Float32Array;
  titleDocs: Uint32Array;
  /** 1 where that title was derived from the lede (its hit counts less). */
  titleDerived: Uint8Array;
  /** Where the rest is, when this is a common term's head (tiers.ts); null when it is all. */
  tail: TailRef | null;
}

/** One term as the builder hands it over: everything, positions included. */
export interface TermInput {
  term: string;
  docs: Uint32Array;
  /** Unquantized impacts of `docs`. */
  impacts: Float64Array;
  titleDocs: Uint32Array;
  titleDerived: Uint8Array;
  /** Token positions of each body posting. */
  bodyPositions: PositionLists;
  /** Token positions of each title posting. */
  titlePositions: PositionLists;
}

/**
 * Position lists back to back, in posting order: posting i's are `flat[starts[i]]` up to
 * `flat[starts[i + 1]]`. One typed array per term rather than an array per posting: at 100,000
 * stories that was ~25 million small arrays for the garbage collector.
 */
export interface PositionLists {
  flat: Uint32Array;
  /** One per posting, plus the end. */
  starts: Uint32Array;
}

const P_MAGIC = 0x50; // 'P'
const Q_MAGIC = 0x51; // 'Q'
const MAX_IMPACT = K1 + 1;
/** Below this idf a term's impacts take one byte whatever the option says. */
const COMMON_IDF = 0.1;
const steps = (bytes: number): number => (bytes === 2 ? 0xffff : 0xff);

function quantize(v: number, bytes: number): number {
  const s = steps(bytes);
  return Math.max(1, Math.min(s, Math.round((v / MAX_IMPACT) * s)));
}

const varintSize = (v: number): number => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : 4);

/** Writes gaps of posting i's ascending list, from 0: its count, then the gaps. */
function writeGaps(w: ByteWriter, lists: PositionLists, i: number): void {
  const from = lists.starts[i]!;
  const to = lists.starts[i + 1]!;
  w.uint(to - from);
  let last = 0;
  for (let k = from; k < to; k++) {
    const p = lists.flat[k]!;
    w.uint(p - last);
    last = p;
  }
}

/** Approximate encoded size of posting i's positions. */
function positionsSize(lists: PositionLists, i: number): number {
  return 2 + (lists.starts[i + 1]! - lists.starts[i]!) * 1.5;
}

/** Tail files a head points to, and what the rest of the term can weigh (tiers.ts). */
export interface TailRef {
  /** Tail files `q-<from>` … `q-<to − 1>` hold the rest of the term. */
  from: number;
  to: number;
  /** Upper bound of any tail story's static score (impact + title boost). */
  bound: number;
  /** Groups of copies that have the term anywhere: the exact count of a one-word answer. */
  groups: number;
}

/** Tiering options: terms in more than `from` stories keep their best `head` in the chunk. */
export interface TierOptions {
  head: number;
  from: number;
}

/** Cuts every term's postings and positions into chunks of about these sizes (bytes). */
export class PostingsChunker {
  private readonly p: RangeChunker;
  private readonly q: RangeChunker;
  private readonly x: RangeChunker;

  constructor(
    postingsBytes: number,
    positionsBytes: number,
    private readonly impactBytes: 1 | 2,
    private readonly stories: number,
    private readonly tiers: TierOptions,
    private readonly roots: Int32Array,
    sinks: { postings: FileSink; tails: FileSink; positions: FileSink },
  ) {
    this.p = new RangeChunker([P_MAGIC], postingsBytes, sinks.postings);
    this.q = new RangeChunker([Q_MAGIC], postingsBytes, sinks.tails);
    this.x = new RangeChunker([X_MAGIC], positionsBytes, sinks.positions);
  }

  /** Adds a term; terms come in ascending code-unit order. */
  add(t: TermInput): void {
    // A word in nearly every story weighs almost nothing (idf < 0.1): a byte's rounding moves
    // its share of a score by < 0.0005, and its postings are the largest a query fetches.
    const common = bm25Idf(this.stories, Math.max(t.docs.length, t.titleDocs.length)) < COMMON_IDF;
    const ib = common ? 1 : this.impactBytes;
    // Cheap tests first: most terms are far below the threshold.
    const stories = t.docs.length + t.titleDocs.length > this.tiers.from ? storiesOf(t).length : 0;
    if (stories > this.tiers.from && stories > this.tiers.head) {
      const scale = MAX_IMPACT / steps(ib);
      const split = splitTier(t, this.tiers.head, (v) => quantize(v, ib) * scale, this.roots);
      const files = this.q.add(
        postingsRecord(t.term, split.tail, [t.docs.length, t.titleDocs.length, ib, 0], ib),
      );
      this.p.add(
        postingsRecord(
          t.term,
          split.head,
          [
            t.docs.length,
            t.titleDocs.length,
            ib,
            files.to - files.from,
            files.from,
            encodeTailBound(split.tailMax),
            split.groups,
          ],
          ib,
        ),
      );
    } else this.p.add(postingsRecord(t.term, t, [t.docs.length, t.titleDocs.length, ib, 0], ib));
    const titleSize = t.titleDocs.reduce(
      (a, d, i) => a + varintSize(d - (t.titleDocs[i - 1] ?? 0)) * 2,
      1,
    );
    let extraSize = titleSize;
    for (let i = 0; i < t.titleDocs.length; i++) extraSize += positionsSize(t.titlePositions, i);
    this.x.add({
      term: t.term,
      header: [],
      items: t.docs.length,
      itemSize: (i) =>
        varintSize(t.docs[i]! - (t.docs[i - 1] ?? 0)) + positionsSize(t.bodyPositions, i),
      writeItems: (w, from, to) => {
        let last = 0;
        for (let i = from; i < to; i++) {
          w.uint(t.docs[i]! - last);
          last = t.docs[i]!;
          writeGaps(w, t.bodyPositions, i);
        }
      },
      extraSize,
      writeExtra: (w, first) => {
        const n = first ? t.titleDocs.length : 0;
        w.uint(n);
        let last = 0;
        for (let i = 0; i < n; i++) {
          w.uint(t.titleDocs[i]! - last);
          last = t.titleDocs[i]!;
          writeGaps(w, t.titlePositions, i);
        }
      },
    });
  }

  finish(): { postings: TermRanges; tails: TermRanges; positions: TermRanges } {
    return { postings: this.p.finish(), tails: this.q.finish(), positions: this.x.finish() };
  }
}

/**
 * A term's record in a postings or tail chunk: `header` (df, title df, impact width, tail
 * files and, when there are any, where they start, the tail's bound and the groups count), then
 * body postings as (gap, impact) and title postings as gap·2 + "title derived".
 */
function postingsRecord(
  term: string,
  t: TierPostings,
  header: readonly number[],
  ib: number,
): RangeRecord {
  return {
    term,
    header,
    items: t.docs.length,
    itemSize: (i) => varintSize(t.docs[i]! - (t.docs[i - 1] ?? 0)) + ib,
    writeItems: (w, from, to) => {
      let last = 0;
      for (let i = from; i < to; i++) {
        w.uint(t.docs[i]! - last);
        last = t.docs[i]!;
        const q = quantize(t.impacts[i]!, ib);
        if (ib === 2) w.byte(q >> 8);
        w.byte(q);
      }
    },
    extraSize: t.titleDocs.reduce(
      (a, d, i) => a + varintSize(d - (t.titleDocs[i - 1] ?? 0)) * 2,
      1,
    ),
    writeExtra: (w, first) => {
      const n = first ? t.titleDocs.length : 0;
      w.uint(n);
      let last = 0;
      for (let i = 0; i < n; i++) {
        w.uint((t.titleDocs[i]! - last) * 2 + t.titleDerived[i]!);
        last = t.titleDocs[i]!;
      }
    },
  };
}

/** Reads a postings chunk: its records in term order (a split term's part is one record). */
export function decodePostings(bytes: Uint8Array): TermPostings[] {
  return decodeRecords(bytes, P_MAGIC);
}

/** Reads a tail chunk (`q-<i>`): the rest of common terms, records as in a postings chunk. */
export function decodeTails(bytes: Uint8Array): TermPostings[] {
  return decodeRecords(bytes, Q_MAGIC);
}

function decodeRecords(bytes: Uint8Array, magic: number): TermPostings[] {
  const r = new ByteReader(bytes);
  if (r.byte() !== magic) throw new ChunkFormatError('not a postings chunk');
  const out: TermPostings[] = [];
  let prev = '';
  while (!r.done) {
    const term = (prev = readFrontCoded(r, prev));
    const df = r.uint();
    const titleDf = r.uint();
    const ib = r.uint();
    if (ib !== 1 && ib !== 2) throw new ChunkFormatError('bad impact width');
    const files = r.uint();
    let tail: TailRef | null = null;
    if (files > 0) {
      const from = r.uint();
      tail = { from, to: from + files, bound: tailBoundValue(r.uint()), groups: r.uint() };
    }
    const scale = MAX_IMPACT / steps(ib);
    const n = r.count(1 + ib);
    const docs = new Uint32Array(n);
    const impacts = new Float32Array(n);
    let d = 0;
    for (let i = 0; i < n; i++) {
      docs[i] = d += r.uint();
      impacts[i] = (ib === 2 ? r.byte() * 256 + r.byte() : r.byte()) * scale;
    }
    const m = r.count();
    const titleDocs = new Uint32Array(m);
    const titleDerived = new Uint8Array(m);
    d = 0;
    for (let i = 0; i < m; i++) {
      const v = r.uint();
      titleDocs[i] = d += Math.floor(v / 2);
      titleDerived[i] = v % 2;
    }
    out.push({ term, df, titleDf, docs, impacts, titleDocs, titleDerived, tail });
  }
  return out;
}
