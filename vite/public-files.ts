import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The regular files of the app's `public/` folder, `/`-separated path → absolute path, leaving
 * out `skipDir` and everything below it. Used when the seeds folder lives inside `public/`: Vite's
 * own copy of `public/` would follow every link and open every entry (a FIFO hangs it), so the
 * seeds plugin turns that copy off, copies the rest of `public/` itself (the project's own files,
 * trusted as Vite trusts them) and emits the seeds under its folder rules like any other folder.
 */
export async function publicFiles(
  publicDir: string,
  skipDir: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // SEEDS_DIR=public: all of it is the seeds folder, read only under the folder rules.
  if (publicDir === skipDir) return out;
  async function walk(dir: string): Promise<void> {
    for (const name of (await readdir(dir)).sort()) {
      const abs = path.join(dir, name);
      if (abs === skipDir) continue;
      const info = await stat(abs);
      if (info.isDirectory()) await walk(abs);
      else if (info.isFile()) out.set(path.relative(publicDir, abs).split(path.sep).join('/'), abs);
    }
  }
  await walk(publicDir);
  return out;
}
