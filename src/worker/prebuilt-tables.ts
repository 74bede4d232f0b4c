import type { TablesPack } from '../corpus/tables/tables-codec';
import { downloadBytes, parseGzipJson } from './prebuilt-names';

/** Where the build's folder-wide tables are (the manifest's `tables`). */
export interface TablesRef {
  url: string;
}

/**
 * The folder-wide tables the build shipped (vite/build-tables.ts): the entity table, every
 * story's related list and the threads, requested once the first view is on screen; the engine
 * takes them only for the folder they were made from. Without
 * them (`npm run dev`, a build without names, a failed download, another folder or version) the
 * answer is undefined and the engine builds the tables itself.
 * IMPORTANT: runs inside the worker.
 */
export class PrebuiltTables {
  private pack: Promise<TablesPack | null> = Promise.resolve(null);
  private url: string | null = null;
  /** The bytes of a pack asked for ahead of its turn (`prefetch`), by URL. */
  private early: { url: string; bytes: Promise<Uint8Array<ArrayBuffer>> } | null = null;

  constructor(
    private readonly download: (url: string) => Promise<Uint8Array<ArrayBuffer>> = (url) =>
      downloadBytes(url, 'low'),
    private readonly parse: (gzip: Uint8Array<ArrayBuffer>) => Promise<TablesPack> = parseGzipJson,
  ) {}

  /**
   * Downloads the pack's bytes now, with the manifest, and nothing more: inflating and parsing it
   * (~1 MB of JSON on BBC) waits for `offer`, the page's turn. Asked for only at that turn, its
   * download came ~50–100 ms after the library's first row and held the entities back by as much.
   */
  prefetch(ref: TablesRef): void {
    if (this.early?.url === ref.url || this.url === ref.url) return;
    const bytes = this.download(ref.url);
    bytes.catch(() => undefined); // told when offered
    this.early = { url: ref.url, bytes };
  }

  /** Decodes the pack (downloading it unless `prefetch` has): see CorpusEngine.offerTables. */
  offer(ref: TablesRef | null): void {
    if (ref?.url === this.url) return;
    this.url = ref?.url ?? null;
    const early = this.early?.url === ref?.url ? this.early : null;
    this.early = null;
    this.pack = ref
      ? (early?.bytes ?? this.download(ref.url)).then(this.parse).catch(() => null)
      : Promise.resolve(null);
  }

  /**
   * The pack if the build made it for this folder (fingerprint); whether it decodes, for this
   * app's versions, is `decodeTablesSteps`'s to say.
   */
  async forFolder(fingerprint: string): Promise<TablesPack | undefined> {
    const pack = await this.pack;
    if (pack?.fingerprint !== fingerprint) return undefined;
    // Handed over once: the engine keeps what it decodes, not the pack (~1 MB of JSON on BBC).
    this.pack = Promise.resolve(null);
    return pack;
  }
}
