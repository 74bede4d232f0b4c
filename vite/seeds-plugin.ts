import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { packSeeds } from './pack-seeds';
import { scanSeeds } from './scan-seeds';

/** URL paths (under the app's base) where the manifest and the article files are served. */
export const MANIFEST_FILE = 'seeds-manifest.json';
export const SEEDS_URL_DIR = 'seeds';
/** The custom HMR event the app listens to so that edits in the folder show up live. */
export const SEEDS_CHANGED_EVENT = 'dispatch:seeds-changed';

/**
 * Serves a folder of articles to the app: a generated manifest (ids, paths, sizes, hashes) and
 * the files themselves, in dev from the folder (watched, so adding or editing a file shows up in
 * the open page) and in the build as emitted assets. The folder is `SEEDS_DIR` or `public/seeds`.
 */
export function seedsPlugin(options: { seedsDir: string }): Plugin {
  const seedsDir = path.resolve(options.seedsDir);
  let config: ResolvedConfig;
  let cached: ReturnType<typeof scanSeeds> | null = null;
  const scan = () => (cached ??= scanSeeds(seedsDir));

  return {
    name: 'dispatch-seeds',
    configResolved(c) {
      config = c;
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(seedsDir);
      const onChange = (file: string) => {
        if (!path.resolve(file).startsWith(seedsDir + path.sep)) return;
        cached = null;
        server.ws.send({
          type: 'custom',
          event: SEEDS_CHANGED_EVENT,
          data: { file: path.relative(seedsDir, file) },
        });
      };
      server.watcher.on('add', onChange).on('change', onChange).on('unlink', onChange);

      const prefix = `${config.base}${SEEDS_URL_DIR}/`;
      const manifestUrl = `${config.base}${MANIFEST_FILE}`;
      server.middlewares.use(async (req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        try {
          if (url === manifestUrl) {
            const { manifest } = await scan();
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.setHeader('Cache-Control', 'no-store');
            res.end(JSON.stringify(manifest));
            return;
          }
          if (url.startsWith(prefix)) {
            const rel = decodeURIComponent(url.slice(prefix.length));
            const { absPaths } = await scan();
            const abs = absPaths.get(rel);
            if (!abs) {
              res.statusCode = 404;
              res.end('Not found');
              return;
            }
            res.setHeader('Content-Type', 'text/plain; charset=utf-8');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(await readFile(abs));
            return;
          }
        } catch (err) {
          next(err);
          return;
        }
        next();
      });
    },
    async generateBundle() {
      const { manifest, absPaths } = await scan();
      const packs = await packSeeds(manifest, absPaths);
      for (const p of packs) this.emitFile({ type: 'asset', fileName: p.info.url, source: p.data });
      const built = { ...manifest, packs: packs.map((p) => p.info) };
      this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: JSON.stringify(built) });
      // public/seeds is copied by Vite itself; any other folder is emitted file by file.
      const publicSeeds = path.resolve(config.publicDir, SEEDS_URL_DIR);
      if (config.publicDir && seedsDir === publicSeeds) return;
      for (const [rel, abs] of absPaths) {
        this.emitFile({
          type: 'asset',
          fileName: `${SEEDS_URL_DIR}/${rel}`,
          source: await readFile(abs),
        });
      }
    },
  };
}
