import type { Stats } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** The notes a skipped entry gets, in the manifest and the library's "notes about files". */
export const LINK_OUTSIDE = 'Links outside the folder are not read.';
export const NOT_REGULAR = 'Not a regular file';

/** What one entry of the seeds folder is, once links are resolved, and whether to read it. */
export type FolderEntry =
  | { kind: 'dir'; real: string; viaLink: boolean }
  | {
      kind: 'file';
      real: string;
      viaLink: boolean;
      dev: number;
      ino: number;
      /** The stat the scan's cache compares (scan-cache.ts). */
      size: number;
      mtimeMs: number;
      ctimeMs: number;
    }
  | { kind: 'skip'; reason: string };

export interface FolderRules {
  /** The folder's own path with every link resolved (SEEDS_DIR itself may be a link). */
  realRoot: string;
  /** SEEDS_FOLLOW_LINKS=1: links may point anywhere. Special files are refused all the same. */
  followLinks: boolean;
}

/**
 * Looks at an entry without opening it: lstat first, so a link is seen as a link, and then (links
 * only) where it really leads. A link is followed only if its target resolves inside the folder,
 * unless the rules say otherwise. FIFOs, sockets and devices are refused whatever their name and
 * wherever they are, since even opening a FIFO to read it waits for a writer.
 */
export async function inspectEntry(realPath: string, rules: FolderRules): Promise<FolderEntry> {
  let info = await lstat(realPath);
  let real = realPath;
  const viaLink = info.isSymbolicLink();
  if (viaLink) {
    try {
      real = await realpath(realPath);
    } catch (err) {
      return { kind: 'skip', reason: brokenLinkReason(err as NodeJS.ErrnoException) };
    }
    if (!rules.followLinks && !isInside(real, rules.realRoot))
      return { kind: 'skip', reason: LINK_OUTSIDE };
    info = await stat(real);
  }
  if (info.isDirectory()) return { kind: 'dir', real, viaLink };
  if (info.isFile()) {
    const { dev, ino, size, mtimeMs, ctimeMs } = info;
    return { kind: 'file', real, viaLink, dev, ino, size, mtimeMs, ctimeMs };
  }
  return { kind: 'skip', reason: `${NOT_REGULAR} (${describeSpecial(info)}): not read.` };
}

/** True if `p` is `root` or below it, by path: for where a file really is, pass realpaths. */
export function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function brokenLinkReason(err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOENT') return 'Broken link: its target does not exist.';
  if (err.code === 'ELOOP') return 'Link loop: not read.';
  return `Link could not be followed: ${err.message}`;
}

function describeSpecial(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'an unknown kind of entry';
}
