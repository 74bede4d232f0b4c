import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { isInside } from './folder-entry.ts';

/**
 * Empties the build folder as Vite would, except the trees that are written incrementally
 * (`seeds/`, `story/`: one file per article, see tree-sync.ts). Vite's own emptying deleted them
 * at every build, 242 s of a 100,000-article rebuild. An explicit `--emptyOutDir` (or
 * `build.emptyOutDir`) still empties everything first, as Vite documents; without it, like Vite,
 * a build folder outside the project is left alone.
 */
export function outDirPlugin(keep: readonly string[]): Plugin {
  let config: ResolvedConfig;
  let ours = false;
  return {
    name: 'dispatch-out-dir',
    apply: 'build',
    config(user) {
      if (user.build?.emptyOutDir !== undefined) return;
      ours = true;
      return { build: { emptyOutDir: false } };
    },
    configResolved(c) {
      config = c;
    },
    async renderStart() {
      const outDir = path.resolve(config.root, config.build.outDir);
      if (!ours || !isInside(outDir, config.root) || outDir === path.resolve(config.root)) return;
      const entries = await readdir(outDir).catch(() => [] as string[]);
      for (const name of entries) {
        if (keep.includes(name)) continue;
        await rm(path.join(outDir, name), { recursive: true, force: true });
      }
    },
  };
}
