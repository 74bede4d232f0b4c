import type { TablesPack } from '../corpus/tables/tables-codec';
import { downloadGzipJson } from './prebuilt-names';

/** Where the build's folder-wide tables are (the manifest's `tables`). */
export interface TablesRef {
  url: string;
}

/**
 * The folder-wide tables the build shipped (vite/build-tables.ts): the entity table, every
 * story's related list and the threads. Requested as soon as the manifest names them, beside the
 * text and names packs; the engine takes them only for the folder they were made from. Without
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

  /**
   * Starts the download once `after` has settled (the names packs): a deep link's names wait for
   * its names pack, and on two busy cores they came ~50 ms later (median) when the tables were
   * downloaded and parsed at the same time.
   */
  offer(ref: TablesRef | null, after: Promise<unknown> = Promise.resolve()): void {
    if (ref?.url === this.url) return;
    this.url = ref?.url ?? null;
    this.pack = ref
      ? after.then(() => this.download(ref.url)).catch(() => null)
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
