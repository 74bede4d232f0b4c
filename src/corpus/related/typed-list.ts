type TypedArray = Int32Array | Uint32Array | Float32Array | Float64Array;

/**
 * A typed array that grows as it is pushed to (doubling), for the related index's flat per-story
 * lists. Their entries number ~200 a story (20 M at 100,000 stories): as plain arrays each entry
 * took 8 bytes and every growth left the old store on the heap until a major GC, which at
 * 25,000 stories took the build ~800 MB above its live heap.
 */
export class TypedList<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(
    private readonly make: (size: number) => T,
    capacity = 1024,
  ) {
    this.data = make(Math.max(1, capacity));
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }

  /** The entries so far (a view: later pushes may or may not show in it). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
