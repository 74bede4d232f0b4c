import { constants } from 'node:fs';
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
    // O_NOFOLLOW's answer when the file has become a link.
    if ((err as NodeJS.ErrnoException).code === 'ELOOP')
      throw new RefusedFileError('Now a link: not read.');
    throw err;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new RefusedFileError('No longer a regular file: not read.');
    if (info.dev !== file.dev || info.ino !== file.ino)
      throw new RefusedFileError('Replaced since the folder was read: not read.');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * The files' bytes in order, with up to `ahead` reads in flight: a thread that reads a folder
 * file by file otherwise waits out each read's round trip through libuv's pool (10k files on a
 * loaded 2-core machine: seconds of the tables step idle). A file that cannot be read gives its
 * error where its bytes would be.
 */
export async function* readInOrder(
  files: readonly SeedFile[],
  ahead = 16,
): AsyncGenerator<Buffer, void> {
  const pending: Promise<Buffer>[] = [];
  let next = 0;
  const fill = () => {
    while (next < files.length && pending.length < ahead) {
      const read = readSeedFile(files[next++]!);
      // Awaited in order below; until then a failure must not count as unhandled.
      read.catch(() => undefined);
      pending.push(read);
    }
  };
  fill();
  while (pending.length) {
    const bytes = await pending.shift()!;
    fill();
    yield bytes;
  }
}
