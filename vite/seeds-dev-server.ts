import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Connect, ViteDevServer } from 'vite';
import { isInside } from './folder-entry.ts';
import { readSeedFile } from './read-seed-file.ts';
import type { SeedsScan } from './scan-seeds.ts';

export interface SeedsDevOptions {
  seedsDir: string;
  /** seedsDir with its links resolved. */
  realSeedsDir: string;
  /** The app's base (`/`, `/reader/`). */
  base: string;
  manifestUrl: string;
  /** `<base>seeds/`: where the app asks for a file of the folder. */
  filesPrefix: string;
  changedEvent: string;
  scan(): Promise<SeedsScan>;
  /** Forget the cached scan: the next request scans the folder again. */
  invalidate(): void;
}

/**
 * `npm run dev`: watches the folder (any change, a new link or FIFO included, means a rescan under
 * the same rules, and an HMR event to the open page) and answers the manifest and `/seeds/*` from
 * the scan. Registered before Vite's own middlewares, so no request into the folder reaches them.
 */
export function serveSeeds(server: ViteDevServer, o: SeedsDevOptions): void {
  const onChange = (file: string) => {
    if (!isInside(path.resolve(file), o.seedsDir)) return;
    o.invalidate();
    server.ws.send({
      type: 'custom',
      event: o.changedEvent,
      data: { file: path.relative(o.seedsDir, file) },
    });
  };
  server.watcher.add(o.seedsDir);
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const)
    server.watcher.on(event, onChange);
  server.middlewares.use(seedsMiddleware(server.config.root, o));
}

function seedsMiddleware(root: string, o: SeedsDevOptions): Connect.NextHandleFunction {
  return async (req, res, next) => {
    const url = (req.url ?? '').split('?')[0] ?? '';
    try {
      if (url === o.manifestUrl) {
        const { manifest } = await o.scan();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(manifest));
        return;
      }
      if (url.startsWith(o.filesPrefix)) {
        const rel = decodeURIComponent(url.slice(o.filesPrefix.length));
        const source = (await o.scan()).sources.get(rel);
        // readSeedFile refuses a file that became a link or a FIFO since the scan, before the
        // watcher's event has arrived: answered like a file that is not there.
        const bytes = source ? await readSeedFile(source).catch(() => null) : null;
        if (!bytes) return notFound(res);
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(bytes);
        return;
      }
      // IMPORTANT: Vite itself serves any file under the project root (`/public/seeds/x.txt`,
      // `/@fs/…`, `?raw` imports), following links and opening FIFOs (which hangs the request and
      // one of libuv's four file threads). The folder is only ever served by the route above.
      if (await reachesFolder(decodeOrKeep(url), root, o)) return notFound(res);
    } catch (err) {
      next(err);
      return;
    }
    next();
  };
}

/**
 * Whether Vite would map this URL path to the seeds folder or a file in it: `/…` from the project
 * root (with or without the base), `/@fs/…` from the disk's root. By path first, then by real path
 * (a link in the project that leads to the folder), which costs a lookup only for other paths.
 */
async function reachesFolder(pathname: string, root: string, o: SeedsDevOptions): Promise<boolean> {
  const candidates: string[] = [];
  const paths = [pathname];
  if (pathname.startsWith(o.base)) paths.push(`/${pathname.slice(o.base.length)}`);
  for (const p of paths) {
    candidates.push(path.resolve(root, `.${p}`));
    if (p.startsWith('/@fs/')) candidates.push(path.resolve(p.slice('/@fs'.length)));
  }
  if (candidates.some((p) => isInside(p, o.seedsDir))) return true;
  const real = await Promise.all(candidates.map((p) => realpath(p).catch(() => p)));
  return real.some((p) => isInside(p, o.realSeedsDir));
}

/** Vite answers a malformed escape itself (it serves nothing for it); this guard must not throw. */
function decodeOrKeep(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

function notFound(res: { statusCode: number; end(body: string): void }): void {
  res.statusCode = 404;
  res.end('Not found');
}
