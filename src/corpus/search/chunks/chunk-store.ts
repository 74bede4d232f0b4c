/**
 * Fetches chunk files through an injected loader (fetch in a browser, a Map in tests, the disk
 * in a bench), decodes each once and keeps it: later queries reuse what earlier ones loaded.
 * Every fetch is recorded, so a caller can say what a query cost on the wire.
 */
export type ChunkLoader = (name: string) => Promise<Uint8Array>;

export interface LoadRecord {
  name: string;
  /** Bytes the loader returned (uncompressed; the bench gzips them to count the wire). */
  bytes: number;
}

export class ChunkStore {
  private readonly decoded = new Map<string, Promise<unknown>>();
  private log: LoadRecord[] = [];

  constructor(private readonly load: ChunkLoader) {}

  /**
   * The file `name`, decoded by `decode`; fetched once, even when asked for concurrently. A
   * failed fetch or decode is forgotten, so a later query can try again.
   */
  get<T>(name: string, decode: (bytes: Uint8Array) => T | Promise<T>): Promise<T> {
    let p = this.decoded.get(name) as Promise<T> | undefined;
    if (!p) {
      p = this.load(name).then((bytes) => {
        this.log.push({ name, bytes: bytes.length });
        return decode(bytes);
      });
      this.decoded.set(name, p);
      p.catch(() => this.decoded.delete(name));
    }
    return p;
  }

  /**
   * The fetches since the last call, oldest first. One log per store: queries run at the same
   * time share it (the browser would drop a stale keystroke's query rather than run both).
   */
  takeLog(): LoadRecord[] {
    const out = this.log;
    this.log = [];
    return out;
  }
}
