import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A hash of src/corpus's source (tests left out) and of `extra` files (a build thread, a cache's
 * layout): what the build caches is what that code makes of the folder, so a change to the
 * tokenizer, the parser or a format makes it again.
 */
export async function corpusCodeHash(extra: readonly URL[]): Promise<string> {
  const root = path.resolve(import.meta.dirname, '../src/corpus');
  const h = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    );
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.ts$/u.test(e.name) && !/\.test\.ts$/u.test(e.name))
        h.update(path.relative(root, p))
          .update('\0')
          .update(await readFile(p));
    }
  };
  await walk(root);
  for (const url of extra) h.update(await readFile(url));
  return h.digest('hex');
}
