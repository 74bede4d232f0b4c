import {
  decodeFile,
  decodeStory,
  packedFile,
  type AnalysisPack,
} from '../corpus/entities/analysis-codec';
import type { StoryEntities } from '../corpus/entities/types';
import type { ParsedFile, Story } from '../corpus/types';
import { readCachedAnalyses } from './entity-cache';
import { inflated } from './gunzip';
import type { FileEntry, NamesPackRef } from './protocol';

/**
 * The entity analyses the build shipped beside its text packs (vite/pack-names.ts), for the
 * corpus engine to take as it takes cached ones: a story the build analysed is never analysed
 * here. Every pack is requested as soon as the manifest names them, alongside the text packs.
 * A file without a shipped analysis that fits it (another content hash, another rules, model or
 * parser version, a pack that failed to download) is answered with undefined: the engine then
 * tries IndexedDB and the recognizer, as for a folder without a build (`npm run dev`).
 * IMPORTANT: runs inside the worker.
 */
export class PrebuiltNames {
  /** file id → [pack, index of the file in it]. */
  private where = new Map<string, [number, number]>();
  private packs: (Promise<AnalysisPack | null> | null)[] = [];
  /** Per pack, the files not taken yet: a pack is let go once all are (BBC: ~1 MB each). */
  private untaken: number[] = [];

  constructor(
    private readonly download: (url: string) => Promise<AnalysisPack> = (url) =>
      downloadGzipJson<AnalysisPack>(url),
  ) {}

  /** The build's packs, from the manifest: downloads start once `after` has resolved. */
  offer(refs: readonly NamesPackRef[], after: Promise<void> = Promise.resolve()): void {
    this.where = new Map();
    refs.forEach((r, p) => r.files.forEach((id, i) => this.where.set(id, [p, i])));
    this.untaken = refs.map((r) => r.files.length);
    this.packs = refs.map((r) => after.then(() => this.download(r.url)).catch(() => null));
  }

  /** A file's analyses as the build made them, if they fit this content; taken once. */
  async file(file: ParsedFile, hash: string): Promise<StoryEntities[] | undefined> {
    const at = this.where.get(file.fileId);
    const pack = at && (await this.packs[at[0]]);
    if (!at || !pack) return undefined;
    this.where.delete(file.fileId);
    if (--this.untaken[at[0]]! === 0) this.packs[at[0]] = null;
    const code = packedFile(pack, at[1], hash);
    return code ? decodeFile(code, file.stories) : undefined;
  }

  /** One story's analysis (the opened one, before its file reaches the engine), if shipped. */
  async story(story: Story, hash: string): Promise<StoryEntities | undefined> {
    const at = this.where.get(story.fileId);
    const pack = at && (await this.packs[at[0]]);
    const code = at && pack ? packedFile(pack, at[1], hash) : null;
    const ints = code?.stories[storyIndex(story)];
    return code && ints ? decodeStory(ints, code.ids, story) : undefined;
  }
}

/** A story's place in its file: the main story first, then its briefs (`<file id>~<n>`). */
function storyIndex(story: Story): number {
  if (story.id === story.fileId) return 0;
  const n = Number(story.id.slice(story.fileId.length + 1));
  return Number.isInteger(n) && n > 0 ? n : -1;
}

/** A gzip JSON file of the build (names or tables pack), parsed. */
export async function downloadGzipJson<T>(url: string, priority?: RequestPriority): Promise<T> {
  return parseGzipJson<T>(await downloadBytes(url, priority));
}

/** A file of the build, its bytes as sent (no work on this thread but the request). */
export async function downloadBytes(
  url: string,
  priority?: RequestPriority,
): Promise<Uint8Array<ArrayBuffer>> {
  const res = await fetch(url, priority ? { priority } : {});
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** A gzip JSON file's bytes, inflated and parsed. */
export async function parseGzipJson<T>(gzip: Uint8Array<ArrayBuffer>): Promise<T> {
  const bytes = await inflated(gzip);
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

/**
 * Each file's analyses from the build, else from IndexedDB (entity-cache.ts); undefined where
 * neither has them for the file's content. `built` counts the build's.
 */
export async function knownAnalyses(
  entries: readonly FileEntry[],
  names: PrebuiltNames,
): Promise<{ found: (StoryEntities[] | undefined)[]; built: number }> {
  const found = await Promise.all(entries.map((e) => names.file(e.file, e.hash)));
  const built = found.filter(Boolean).length;
  const missing = entries.filter((_, i) => !found[i]);
  const cached = await readCachedAnalyses(missing.map((e) => e.hash));
  let next = 0;
  return { found: found.map((f) => f ?? cached[next++]), built };
}
