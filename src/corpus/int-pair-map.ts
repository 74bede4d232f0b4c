/**
 * A map from ordered pairs of int32s to numbers, kept in the order pairs were first set. It
 * replaces Maps keyed by `a · n + b`, which at the 100k folder's sizes leave V8's small integers
 * (31 bits): every key became a heap number, and each lookup a hash of a double (the threads'
 * story pairs, the related index's bigrams). Here a pair is two int32s in an open-addressing
 * table of typed arrays.
 *
 * The insertion order is kept because readers depend on it (the threads' clustering reads its
 * pairs in that order and breaks ties by it): the output must not change with the container.
 */
export class IntPairMap {
  /** Pair i is (`first[i]`, `second[i]`), with value `value[i]`. */
  first: Int32Array;
  second: Int32Array;
  value: Float64Array;
  size = 0;
  /** Slot → pair index + 1 (0: empty). A power of two over twice the capacity, so under half
   * full whatever `size` is. */
  private slots: Int32Array;

  constructor(expected = 1024) {
    const cap = Math.max(16, expected);
    this.first = new Int32Array(cap);
    this.second = new Int32Array(cap);
    this.value = new Float64Array(cap);
    this.slots = new Int32Array(slotsFor(cap));
  }

  has(a: number, b: number): boolean {
    return this.find(a, b) >= 0;
  }

  /** The pair's value, or undefined when it was never set. */
  get(a: number, b: number): number | undefined {
    const i = this.find(a, b);
    return i < 0 ? undefined : this.value[i];
  }

  /** Sets the pair's value; a pair set before keeps its place in the order. */
  set(a: number, b: number, v: number): void {
    // Room first: growing rehashes, which would move the slot found below.
    if (this.size === this.first.length) this.grow();
    const mask = this.slots.length - 1;
    let h = hash(a, b) & mask;
    for (;;) {
      const at = this.slots[h]!;
      if (at === 0) break;
      if (this.first[at - 1] === a && this.second[at - 1] === b) {
        this.value[at - 1] = v;
        return;
      }
      h = (h + 1) & mask;
    }
    const i = this.size++;
    this.first[i] = a;
    this.second[i] = b;
    this.value[i] = v;
    this.slots[h] = i + 1;
  }

  private find(a: number, b: number): number {
    const mask = this.slots.length - 1;
    let h = hash(a, b) & mask;
    for (;;) {
      const at = this.slots[h]!;
      if (at === 0) return -1;
      if (this.first[at - 1] === a && this.second[at - 1] === b) return at - 1;
      h = (h + 1) & mask;
    }
  }

  private grow(): void {
    const cap = this.first.length * 2;
    const first = new Int32Array(cap);
    const second = new Int32Array(cap);
    const value = new Float64Array(cap);
    first.set(this.first);
    second.set(this.second);
    value.set(this.value);
    this.first = first;
    this.second = second;
    this.value = value;
    this.rehash();
  }

  private rehash(): void {
    this.slots = new Int32Array(slotsFor(this.first.length));
    const mask = this.slots.length - 1;
    for (let i = 0; i < this.size; i++) {
      let h = hash(this.first[i]!, this.second[i]!) & mask;
      while (this.slots[h] !== 0) h = (h + 1) & mask;
      this.slots[h] = i + 1;
    }
  }
}

/** A power of two over twice `count`: linear probing stays short under half full. */
function slotsFor(count: number): number {
  let n = 16;
  while (n < 2 * count + 2) n *= 2;
  return n;
}

function hash(a: number, b: number): number {
  // Two multiplicative mixes (Knuth's golden-ratio constant and a murmur3 one), then xor-shift.
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
  h ^= h >>> 15;
  return h >>> 0;
}
