import type { TablesPack } from '../corpus/tables/tables-codec';
import { downloadGzipJson } from './prebuilt-names';

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

  constructor(
    private readonly download: (url: string) => Promise<TablesPack> = (url) =>
      downloadGzipJson<TablesPack>(url, 'low'),
  ) {}

  /** Starts the download (see CorpusEngine.offerTables for when it is asked for). */
  offer(ref: TablesRef | null): void {
    if (ref?.url === this.url) return;
    this.url = ref?.url ?? null;
    this.pack = ref ? this.download(ref.url).catch(() => null) : Promise.resolve(null);
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
