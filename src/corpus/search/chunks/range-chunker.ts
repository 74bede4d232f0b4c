import { ByteWriter, writeFrontCoded } from './bytes';
import type { TermRanges } from './meta';

/**
 * Cuts records (one per term, added in ascending term order) into files of about `target`
 * bytes each: a term range per file. A record too large for one file is split by its items
 * (postings, in story order) over as many files as it needs, so a very common word never makes
 * one huge file; the files after the first are marked as continuing it. Postings and positions
 * are cut by this same code, each to its own size.
 */
export interface RangeRecord {
  term: string;
  /** Integers written after the term, in every part (document frequencies). */
  header: readonly number[];
  /** Number of items (postings, in story order). */
  items: number;
  /** Approximate encoded size of item i, bytes. */
  itemSize(i: number): number;
  /** Writes items [from, to), gaps counted from 0 so a part reads alone. */
  writeItems(w: ByteWriter, from: number, to: number): void;
  /** Approximate size of what only the first part carries (the title postings). */
  extraSize: number;
  /** Writes that extra part (`first`), or its empty form. */
  writeExtra(w: ByteWriter, first: boolean): void;
}

/** Takes file i as soon as it is cut: the chunker keeps only where each file starts. */
export type FileSink = (i: number, bytes: Uint8Array) => void;

export class RangeChunker {
  private w: ByteWriter;
  private prev = '';
  private open = false;
  /** Files cut so far: file i is the i-th given to the sink. */
  private count = 0;
  private readonly out: TermRanges = { first: [], continues: [] };

  /**
   * `prologue`: the bytes every file starts with (its kind, its format's parameters). `sink`:
   * where each file goes when cut (the build writes it at once: at 100,000 stories the cut's
   * files are ~220 MB, which it held to the end of the cut before).
   */
  constructor(
    private readonly prologue: readonly number[],
    private readonly target: number,
    private readonly sink: FileSink,
  ) {
    this.w = this.fresh();
  }

  /** Adds a record; returns the files it went to, [from, to). */
  add(r: RangeRecord): { from: number; to: number } {
    const sizes = Array.from({ length: r.items }, (_, i) => r.itemSize(i));
    const base = r.term.length * 3 + 4 + r.header.length * 3;
    let size = base + r.extraSize;
    for (const s of sizes) size += s;
    if (this.open && this.w.length + size > this.target) this.flush();
    let from = 0;
    let part = 0;
    let first = 0;
    do {
      let bytes = base + (part === 0 ? r.extraSize : 0);
      let to = from;
      while (to < r.items && (to === from || bytes + sizes[to]! <= this.target))
        bytes += sizes[to++]!;
      if (part > 0) this.flush();
      if (!this.open) this.begin(r.term, part > 0);
      // The open file goes to the sink when flushed: its index is the count of files before it.
      if (part === 0) first = this.count;
      writeFrontCoded(this.w, this.prev, r.term);
      this.prev = r.term;
      for (const h of r.header) this.w.uint(h);
      this.w.uint(to - from);
      r.writeItems(this.w, from, to);
      r.writeExtra(this.w, part === 0);
      from = to;
      part++;
    } while (from < r.items);
    return { from: first, to: this.count + 1 };
  }

  private begin(term: string, continues: boolean): void {
    this.out.first.push(term);
    this.out.continues.push(continues);
    this.open = true;
  }

  private fresh(): ByteWriter {
    const w = new ByteWriter();
    for (const b of this.prologue) w.byte(b);
    return w;
  }

  private flush(): void {
    this.sink(this.count++, this.w.finish());
    this.w = this.fresh();
    // Each file front-codes from nothing, so it can be read alone.
    this.prev = '';
    this.open = false;
  }

  /** Closes the last file; where each file starts (what the directory pages hold). */
  finish(): TermRanges {
    if (this.open) this.flush();
    return this.out;
  }
}
