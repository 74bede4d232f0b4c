// A minimal static host for tests: serves a build folder under a sub-path and, like GitHub
// Pages or S3 error documents, answers unknown paths with the folder's 404.html (status 404).
// Usage: node scripts/static-server.mjs <dir> <port> [basePath]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const [dir = 'dist', port = '4174', base = '/'] = process.argv.slice(2);
const root = path.resolve(dir);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  let rel;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    // A malformed escape (`/%E0%A4%A`): answer it, do not let it take the server down.
    return send(res, 400, 'Bad request', '.txt');
  }
  if (!rel.startsWith(base))
    return send(res, 404, await readFile(path.join(root, '404.html')), '.html');
  rel = rel.slice(base.length);
  const file = path.join(root, rel);
  if (!file.startsWith(root)) return send(res, 403, 'Forbidden', '.txt');
  try {
    const info = await stat(file);
    const target = info.isDirectory() ? path.join(file, 'index.html') : file;
    return send(res, 200, await readFile(target), path.extname(target));
  } catch {
    return send(res, 404, await readFile(path.join(root, '404.html')), '.html');
  }
}).listen(Number(port), () =>
  console.log(`static host: http://localhost:${port}${base} → ${root}`),
);

function send(res, status, body, ext) {
  res.writeHead(status, { 'Content-Type': TYPES[ext] ?? 'application/octet-stream' });
  res.end(body);
}
