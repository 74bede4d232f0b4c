/**
 * A static host that counts the bytes it sends, for comparing what two search designs transfer.
 * Like a CDN it gzips text responses (HTML, JS, CSS, JSON, text) when the browser accepts gzip,
 * and sends already-compressed files (`.gz`, Pagefind's `pf_*` and `.pagefind` files) as they
 * are, so the count is what a real visitor would download. Caching headers are left out, as in
 * scripts/static-server.mjs: a fresh browser context per cold run is what the benches measure.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.txt',
  '.svg',
]);

export interface CountingServer {
  url: string;
  /** Bytes sent (bodies after compression, plus a nominal 200 B of headers per response). */
  bytes(): number;
  requests(): number;
  stop(): Promise<void>;
}

const HEADER_BYTES = 200;

export async function countingServer(dir: string): Promise<CountingServer> {
  const root = path.resolve(dir);
  // The same file is served many times in a run; gzip it once.
  const gzipped = new Map<string, Buffer>();
  let bytes = 0;
  let requests = 0;
  const server: HttpServer = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const file = path.join(root, decodeURIComponent(url.pathname));
      let target = file;
      let body: Buffer;
      let status = 200;
      try {
        if (!file.startsWith(root)) throw new Error('outside');
        if ((await stat(file)).isDirectory()) target = path.join(file, 'index.html');
        body = await readFile(target);
      } catch {
        // The app's own 404 page (the SPA fallback answers unknown paths), as the e2e host does.
        status = 404;
        target = path.join(root, '404.html');
        body = await readFile(target).catch(() => Buffer.from('Not found'));
      }
      const ext = path.extname(target);
      const headers: Record<string, string> = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      };
      // The search chunks (`search-chunks/<hash>/p-12`) have no extension; they are counted as
      // a host that gzips them sends them (as bench:chunks counts them).
      const chunk = /\/search-chunks\/[0-9a-f]+\/[^/]+$/u.test(url.pathname) && status === 200;
      const accepts = /\bgzip\b/u.test(String(req.headers['accept-encoding']));
      if ((COMPRESSIBLE.has(ext) || chunk) && accepts) {
        let packed = gzipped.get(target);
        if (!packed) gzipped.set(target, (packed = gzipSync(body)));
        body = packed;
        headers['Content-Encoding'] = 'gzip';
      }
      requests++;
      bytes += body.length + HEADER_BYTES;
      res.writeHead(status, headers);
      res.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => bytes,
    requests: () => requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
