import { parseFile } from '../corpus/parse-file';
import type { ManifestFile, ManifestPack, ParsedFile } from '../corpus/types';
import { cacheFile } from '../data/file-cache';
import { downloadPack, unpack } from './pack-api';

/** Packs downloaded at once. */
const PACK_CONCURRENCY = 3;
/** Parsing yields to the page after this long (ms): no long task while a pack is read. */
const PARSE_SLICE_MS = 8;
/** Parsed files are handed on at most this often (ms): each hand-over is a message to the page. */
const EMIT_MS = 120;

export interface PackChunk {
  files: ParsedFile[];
  /** Files of packs that failed: the caller fetches them one by one instead. */
  leftovers: ManifestFile[];
}

/**
 * Reads the wanted files from the build's packs: a few parallel downloads, parsed in short slices,
 * each file put in IndexedDB. Runs in the corpus worker (folder-loader.ts).
 */
export async function* streamPacks(
  packs: ManifestPack[],
  wanted: ManifestFile[],
  signal: AbortSignal,
): AsyncGenerator<PackChunk> {
  const byId = new Map(wanted.map((f) => [f.id, f]));
  const todo = packs.filter((p) => p.files.some((f) => byId.has(f.id)));
  // Downloads run ahead; each pack is inflated only when its turn comes, so the big ones do
  // not hold up the first (small) pack's rows on this thread.
  const started: Promise<Uint8Array<ArrayBuffer> | null>[] = [];
  const start = (i: number) => {
    const pack = todo[i];
    if (pack && !started[i]) started[i] = downloadPack(pack, signal).catch(() => null);
  };
  let out: ParsedFile[] = [];
  let lastEmit = -Infinity; // the first files go out at once: the first rows matter most
  for (let i = 0; i < todo.length; i++) {
    for (let k = i; k < i + PACK_CONCURRENCY; k++) start(k);
    const pack = todo[i]!;
    const downloaded = await started[i]!;
    const data = downloaded && (await unpack(pack, downloaded).catch(() => null));
    if (signal.aborted) return;
    const mine = pack.files
      .map((f) => byId.get(f.id))
      .filter((f): f is ManifestFile => f !== undefined);
    if (!data) {
      yield { files: [], leftovers: mine };
      continue;
    }
    let sliceStart = performance.now();
    for (const file of mine) {
      const raw = data.get(file.id);
      if (!raw) continue;
      const parsed = parseFile({ fileId: file.id, section: file.section, bytes: raw });
      cacheFile(file, parsed, true);
      out.push(parsed);
      if (performance.now() - sliceStart > PARSE_SLICE_MS) {
        if (performance.now() - lastEmit > EMIT_MS) {
          yield { files: out, leftovers: [] };
          out = [];
          lastEmit = performance.now();
        }
        await new Promise((r) => setTimeout(r, 0));
        sliceStart = performance.now();
      }
    }
    const missing = mine.filter((f) => !data.has(f.id));
    const due = performance.now() - lastEmit > EMIT_MS;
    if (missing.length || (due && out.length)) {
      yield { files: due ? out : [], leftovers: missing };
      if (due) {
        out = [];
        lastEmit = performance.now();
      }
    }
  }
  if (out.length) yield { files: out, leftovers: [] };
}
