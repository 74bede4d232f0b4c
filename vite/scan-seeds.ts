import { createHash } from 'node:crypto';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest, ManifestFile, ManifestWarning } from '../src/corpus/types.ts';
import { fileIdOfPath } from '../src/corpus/library.ts';
import { inspectEntry, type FolderEntry, type FolderRules } from './folder-entry.ts';
import { readSeedFile, RefusedFileError, type SeedFile } from './read-seed-file.ts';
import { ScanCache } from './scan-cache.ts';

export interface ScanOptions {
  /** Follow links that lead out of the folder (SEEDS_FOLLOW_LINKS=1). Off by default. */
  followLinks?: boolean;
  /**
   * Where the scan keeps each file's stat and content hash (scan-cache.ts), so a file not
   * changed since the last scan is not read again. None: every file is read and hashed.
   */
  cacheDir?: string;
}

export interface SeedsScan {
  manifest: Manifest;
  /** Manifest path → the file to read it from, with readSeedFile. */
  sources: Map<string, SeedFile>;
  /** Files whose hash came from the scan's cache, and files read and hashed (with a cache). */
  cached?: { known: number; hashed: number };
}

/** A link met during the walk, followed once the folder's own tree has been walked. */
interface PendingLink {
  rel: string;
  name: string;
  entry: Extract<FolderEntry, { kind: 'dir' | 'file' }>;
}

/** Bytes of text in these files: what the build's memory and its choices scale with. */
export function textBytes(files: readonly { size: number }[]): number {
  return files.reduce((n, f) => n + f.size, 0);
}

/**
 * Walks a seeds folder and describes it: every `.txt` file becomes an article file (a subfolder is
 * a section), everything else is ignored and named in the warnings so nothing vanishes silently.
 *
 * The folder may come from someone else, so only regular files that really are inside it are read
 * (see inspectEntry). Links that stay inside are followed, files and folders alike, after the
 * folder's own tree: a file reached both by its own path and through a link is read once, under
 * its own path, and a folder already walked is not walked again, which also ends link loops.
 */
/** Entries of a folder looked at (and text files read) ahead of the one being added. */
const LOOK_AHEAD = 16;

/**
 * An entry of a folder as the walk looked at it: what it is and, for a text file, its bytes, or
 * its content hash when the scan's cache knows the file unchanged.
 */
type Look = { entry: FolderEntry; bytes?: Promise<Buffer>; hash?: string } | { err: Error };

type FileEntry = Extract<FolderEntry, { kind: 'file' }>;

/** Whether a file's name makes it an article (`.txt`, not hidden). */
function isText(name: string): boolean {
  return name.endsWith('.txt') && !name.startsWith('.');
}

export async function scanSeeds(root: string, options: ScanOptions = {}): Promise<SeedsScan> {
  // The root itself may be a link (SEEDS_DIR chosen by the person building): that one is trusted.
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const rules: FolderRules = { realRoot, followLinks: options.followLinks ?? false };
  const cache = await ScanCache.open(options.cacheDir, realRoot);
  const files: ManifestFile[] = [];
  const warnings: ManifestWarning[] = [];
  const sources = new Map<string, SeedFile>();
  const ids = new Set<string>();
  /** Real path → manifest path it is read under: each folder walked once, each file read once. */
  const walked = new Map<string, string>();
  const read = new Map<string, string>();
  const pending: PendingLink[] = [];

  async function walk(relDir: string, realDir: string): Promise<void> {
    walked.set(realDir, relDir || '.');
    let names: string[];
    try {
      names = await readdir(realDir);
    } catch (err) {
      warnings.push({
        path: relDir || '.',
        message: `Folder could not be read: ${(err as Error).message}`,
      });
      return;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // Each entry is looked at, and a text file read, up to LOOK_AHEAD entries ahead; what is
    // made of them stays in name order (below). One at a time, each look and read waited out its
    // round trip through libuv's pool: 10k files, 4.4–5.9 s of every build on a loaded machine.
    const looks: Promise<Look>[] = [];
    const look = (i: number) => {
      const name = names[i]!;
      looks[i] = inspectEntry(path.join(realDir, name), rules).then(
        (entry): Look => {
          if (entry.kind !== 'file' || entry.viaLink || !isText(name)) return { entry };
          const hash = cache.lookUp(entry.real, entry);
          if (hash !== undefined) return { entry, hash };
          const bytes = readSeedFile({ path: entry.real, dev: entry.dev, ino: entry.ino });
          // Awaited by addFile, unless the file is left out first (then its error is moot).
          bytes.catch(() => undefined);
          return { entry, bytes };
        },
        (err: unknown): Look => ({ err: err as Error }),
      );
    };
    for (let i = 0; i < Math.min(LOOK_AHEAD, names.length); i++) look(i);
    for (const [i, name] of names.entries()) {
      if (i + LOOK_AHEAD < names.length) look(i + LOOK_AHEAD);
      const seen = await looks[i]!;
      delete looks[i];
      const rel = relDir ? `${relDir}/${name}` : name;
      if ('err' in seen) {
        warnings.push({ path: rel, message: `Could not be read: ${seen.err.message}` });
        continue;
      }
      const { entry } = seen;
      if (entry.kind === 'skip') warnings.push({ path: rel, message: entry.reason });
      else if (entry.viaLink) pending.push({ rel, name, entry });
      else if (entry.kind === 'dir') await enterDir(rel, entry.real);
      else await addFile(rel, name, entry, seen.hash ?? seen.bytes);
    }
  }

  async function followLink({ rel, name, entry }: PendingLink): Promise<void> {
    if (entry.kind === 'file') await addFile(rel, name, entry);
    else await enterDir(rel, entry.real);
  }

  async function enterDir(rel: string, real: string): Promise<void> {
    const first = walked.get(real);
    if (first === undefined) return walk(rel, real);
    warnings.push({
      path: rel,
      message:
        first === '.'
          ? 'The seeds folder itself (a loop): not read again.'
          : `Same folder as ${first}: read once, under that name.`,
    });
  }

  async function addFile(
    rel: string,
    name: string,
    entry: FileEntry,
    /**
     * The file's bytes, when the walk read them ahead (the same readSeedFile), or its hash when
     * the scan's cache knows it: then it is not read at all.
     */
    prefetched?: Promise<Buffer> | string,
  ): Promise<void> {
    if (!isText(name)) {
      warnings.push({ path: rel, message: 'Not a .txt file: ignored.' });
      return;
    }
    const id = fileIdOfPath(rel);
    if (ids.has(id)) {
      warnings.push({ path: rel, message: `Another file already has the id "${id}": ignored.` });
      return;
    }
    const first = read.get(entry.real);
    if (first !== undefined) {
      warnings.push({ path: rel, message: `Same file as ${first}: read once, under that name.` });
      return;
    }
    try {
      const source = { path: entry.real, dev: entry.dev, ino: entry.ino };
      const { size, hash } =
        typeof prefetched === 'string'
          ? { size: entry.size, hash: prefetched }
          : await hashFile(entry, prefetched ?? readSeedFile(source));
      const slash = id.lastIndexOf('/');
      files.push({ id, path: rel, section: slash >= 0 ? id.slice(0, slash) : null, size, hash });
      ids.add(id);
      read.set(entry.real, rel);
      sources.set(rel, source);
    } catch (err) {
      const message = (err as Error).message;
      warnings.push({
        path: rel,
        message: err instanceof RefusedFileError ? message : `Could not be read: ${message}`,
      });
    }
  }

  /** Reads and hashes a file; one met in the folder's own tree is recorded in the cache. */
  async function hashFile(
    entry: FileEntry,
    read: Promise<Buffer>,
  ): Promise<{ size: number; hash: string }> {
    const bytes = await read;
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    if (!entry.viaLink) cache.record(entry.real, entry, hash);
    return { size: bytes.length, hash };
  }

  await walk('', realRoot);
  for (let link = pending.shift(); link; link = pending.shift()) await followLink(link);
  await cache.save();
  return {
    manifest: { version: 1, generatedAt: new Date().toISOString(), files, warnings },
    sources,
    ...(options.cacheDir && { cached: { known: cache.known, hashed: cache.hashed } }),
  };
}
