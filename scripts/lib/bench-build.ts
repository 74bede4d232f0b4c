/**
 * Build, serve and measure helpers for `npm run bench`: a production build of one folder into a
 * temp dir, a static server on a free port (4300–4399, or from PORT_BASE), the text size of a folder and the
 * JavaScript sizes of a build (initial = entry + modulepreloads of index.html, gzip -9).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './corpora';

export const log = (msg: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
};

/** Runs a command to completion; rejects with its output tail when it fails. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    const keep = (d: Buffer) => (out = (out + d.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} → ${code}\n${out}`)),
    );
  });
}

/** `SEEDS_DIR=<folder> vite build --outDir <outDir>`, at the root base path. */
export async function buildFolder(folder: string, outDir: string): Promise<void> {
  const vite = path.join(ROOT, 'node_modules/.bin/vite');
  await run(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    SEEDS_DIR: folder,
    BASE_PATH: '/',
  });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

export interface Server {
  url: string;
  stop: () => void;
}

/**
 * Serves `dir` with scripts/static-server.mjs on the first free port of 4300–4399, or of the
 * hundred from PORT_BASE when set (as the Playwright journeys take it: two checkouts at once).
 */
export async function serve(dir: string): Promise<Server> {
  const first = Number(process.env.PORT_BASE ?? 4300);
  for (let port = first; port < first + 100; port++) {
    if (!(await portFree(port))) continue;
    const child: ChildProcess = spawn(
      process.execPath,
      [path.join(ROOT, 'scripts/static-server.mjs'), dir, String(port), '/'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`static server exited (${code})`)));
    });
    return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
  }
  throw new Error(`no free port in ${first}–${first + 99}`);
}

/** Total bytes of the `.txt` files under `dir` (what the app reads). */
export function textBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.txt') && !name.startsWith('.')) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

export interface JsSizes {
  /** Entry + modulepreloads of index.html, gzip -9 bytes. */
  initialGzip: number;
  initialFiles: string[];
  /** The corpus worker chunk, raw and gzip. */
  workerRaw: number;
  workerGzip: number;
  /** Every emitted .js file. */
  totalRaw: number;
  totalGzip: number;
}

const gz = (buf: Buffer): number => gzipSync(buf, { level: 9 }).length;

/** The JS a first visit downloads before the app runs, and the rest. */
export function jsSizes(dist: string): JsSizes {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1]!.replace(/^\//, ''));
  const initialFiles = [...new Set(refs)];
  const all: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js')) all.push(p);
    }
  };
  walk(dist);
  const worker = all.filter((p) => /worker/i.test(path.basename(p)));
  const sum = (ps: string[], f: (b: Buffer) => number) =>
    ps.reduce((s, p) => s + f(readFileSync(p)), 0);
  return {
    initialGzip: sum(
      initialFiles.map((f) => path.join(dist, f)),
      gz,
    ),
    initialFiles,
    workerRaw: sum(worker, (b) => b.length),
    workerGzip: sum(worker, gz),
    totalRaw: sum(all, (b) => b.length),
    totalGzip: sum(all, gz),
  };
}
