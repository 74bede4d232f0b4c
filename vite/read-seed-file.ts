import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';

/**
 * Why a path the scan accepted was not read after all: it changed into something else since. The
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
 * Reads a file of the seeds folder by the link-free path the scan resolved (`realpath`), and only
 * if it still is a regular file at that same path. Every read of folder text goes through here:
 * the scan's hash, the packs, the emitted files, the previews and the dev server's answers.
 *
 * IMPORTANT: the scan has already looked at the entry (lstat/stat) and never passes anything but
 * a regular file. The checks here close the window between that look and the read, when someone
 * swaps the file for a link, or a FIFO, while the build or the dev server runs.
 */
export async function readSeedFile(realPath: string): Promise<Buffer> {
  // A path with no link in it resolves to itself; one that resolves elsewhere now goes through a
  // link that appeared after the scan (possibly out of the folder).
  if ((await realpath(realPath)) !== realPath)
    throw new RefusedFileError('The path now goes through a link: not read.');
  const file = await open(realPath, OPEN_FLAGS);
  try {
    if (!(await file.stat()).isFile())
      throw new RefusedFileError('No longer a regular file: not read.');
    return await file.readFile();
  } finally {
    await file.close();
  }
}
