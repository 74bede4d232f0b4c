import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The files of the app's `public/` folder, `/`-separated path → absolute path, leaving out the
 * folders in `skip` and everything below them. The seeds plugin copies `public/` itself (see its
 * `config` hook) with these, so that no seeds folder is ever copied there: a seeds folder is
 * only read under the folder rules, and the default one (`public/seeds`) not at all when
 * SEEDS_DIR names another. The rest of `public/` is the project's own and is copied as Vite does.
 */
export async function publicFiles(publicDir: string, skip: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(dir: string): Promise<void> {
    if (skip.includes(dir)) return;
    for (const name of (await readdir(dir)).sort()) {
      const abs = path.join(dir, name);
      if (skip.includes(abs)) continue;
      const info = await stat(abs);
      if (info.isDirectory()) await walk(abs);
      else if (info.isFile()) out.set(path.relative(publicDir, abs).split(path.sep).join('/'), abs);
    }
  }
  await walk(publicDir);
  return out;
}
