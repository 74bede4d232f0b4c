import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/** A file the scan accepted: its path (no link on the way) and which file was there then. */
export interface SeedFile {
  path: string;
  dev: number;
  ino: number;
}

/**
 * Why a file the scan accepted was not read after all: something else is at its path now. The
 * message leaves the path out: it can end up in the published manifest's notes.
 */
export class RefusedFileError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RefusedFileError';
  }
}

// O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever. O_NOFOLLOW: the
// last step of the path may not have become a link. Both are 0 where the platform lacks them.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * Reads a file of the seeds folder, only if it is still the very file the scan accepted (same
 * device and inode, a regular file). Every read of folder text goes through here: the scan's
 * hash, the packs, the emitted files, the previews and the dev server's answers.
 *
 * IMPORTANT: the scan has already looked at the entry (lstat/stat) and never passes anything but
 * a regular file. These checks close the window between that look and the read, in which the
 * file, or a folder on its path, can be swapped for a link out of the folder or for a FIFO.
 * Comparing inodes costs nothing more than the fstat; checking the path with realpath cost
 * ~27 µs a file, for each of the four reads of a build.
 */
export async function readSeedFile(file: SeedFile): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file.path, OPEN_FLAGS);
  } catch (err) {
    throw openError(err);
  }
  try {
    checkSame(file, await handle.stat());
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * `readSeedFile` with the same checks, without libuv's pool: for the build's own threads (the
 * tables and chunks threads), where blocking holds up nothing else. Each async read is six
 * round trips through the pool (open, stat, the read's fstat, two reads, close); these are
 * direct calls. The 100k folder's files (271 MiB) read one after another, in Node: 1.6 s,
 * against 10.4 s with 16 async reads in flight (the former `readInOrder`) (8.4 s against 1.8 s with the page
 * cache dropped first), and in a tables thread on two busy cores the async reads were ~30 s.
 */
export function readSeedFileSync(file: SeedFile): Buffer {
  let fd;
  try {
    fd = openSync(file.path, OPEN_FLAGS);
  } catch (err) {
    throw openError(err);
  }
  try {
    checkSame(file, fstatSync(fd));
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** O_NOFOLLOW's answer when the file has become a link (ELOOP) is a refusal; others as they are. */
function openError(err: unknown): unknown {
  return (err as NodeJS.ErrnoException).code === 'ELOOP'
    ? new RefusedFileError('Now a link: not read.')
    : err;
}

function checkSame(file: SeedFile, info: Stats): void {
  if (!info.isFile()) throw new RefusedFileError('No longer a regular file: not read.');
  if (info.dev !== file.dev || info.ino !== file.ino)
    throw new RefusedFileError('Replaced since the folder was read: not read.');
}
