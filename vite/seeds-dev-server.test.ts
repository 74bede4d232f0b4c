import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../src/corpus/types.ts';
import { LINK_OUTSIDE } from './folder-entry.ts';

const MARKER = 'OUTSIDE-MARKER-dev-server-test';
const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/**
 * `npm run dev` on a folder with a link out of it and a FIFO: the real dev server, with the
 * project's own config, answering over HTTP. Its root is a temporary project whose folder sits
 * where the default one does (`public/seeds`), since that is where Vite's own serving of the
 * project's files could reach it too. Entries that appear or change while it runs follow the same
 * rules.
 */
describe.skipIf(process.platform === 'win32')('the dev server on a folder with odd entries', () => {
  let base: string;
  let dir: string;
  let server: ViteDevServer;
  let origin: string;
  const get = (p: string) => fetch(`${origin}${p}`, { signal: AbortSignal.timeout(5_000) });
  const notes = async () => {
    const manifest = (await (await get('/seeds-manifest.json')).json()) as Manifest;
    return Object.fromEntries(manifest.warnings.map((w) => [w.path, w.message]));
  };
  async function expectRefused(p: string) {
    const res = await get(p);
    expect(res.status, p).toBe(404);
    expect(await res.text(), p).not.toContain(MARKER);
  }

  beforeAll(async () => {
    base = await realpath(await mkdtemp(path.join(tmpdir(), 'dispatch-dev-')));
    const root = path.join(base, 'project');
    dir = path.join(root, 'public', 'seeds');
    await mkdir(path.join(base, 'outside'), { recursive: true });
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(base, 'outside', 'secret.txt'), `Secret\n\n${MARKER}.`);
    await writeFile(path.join(dir, 'a.txt'), 'Alpha\n\nThe first story.');
    await writeFile(path.join(dir, 'swap.txt'), 'Swap\n\nA story about to become a link.');
    await symlink('../../../outside/secret.txt', path.join(dir, 'linked.txt'));
    await symlink(path.join(base, 'outside'), path.join(dir, 'linked-dir'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    // vite.config.ts reads SEEDS_DIR when Vite loads it, here.
    const previous = process.env.SEEDS_DIR;
    process.env.SEEDS_DIR = dir;
    try {
      server = await createServer({
        configFile,
        root,
        logLevel: 'silent',
        server: { port: 0, host: '127.0.0.1' },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      await server.listen();
    } finally {
      if (previous === undefined) delete process.env.SEEDS_DIR;
      else process.env.SEEDS_DIR = previous;
    }
    const { port } = server.httpServer?.address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await server?.close();
    await rm(base, { recursive: true, force: true });
  });

  it('serves the folder’s files, and 404 for a link out of it or a FIFO, by any path', async () => {
    expect((await get('/seeds/a.txt')).status).toBe(200);
    await expectRefused('/seeds/linked.txt');
    await expectRefused('/seeds/linked-dir/secret.txt');
    await expectRefused('/seeds/pipe.txt');
    // Vite itself would serve these from the project root: followed, or hung on the FIFO.
    await expectRefused('/public/seeds/linked.txt');
    await expectRefused('/public/seeds/pipe.txt');
    await expectRefused(`/@fs${dir}/linked.txt`);
    expect(await notes()).toMatchObject({
      'linked.txt': LINK_OUTSIDE,
      'linked-dir': LINK_OUTSIDE,
      'pipe.txt': 'Not a regular file (a named pipe): not read.',
    });
  });

  it('applies the same rules to entries that appear or change while it runs', async () => {
    expect((await get('/seeds/swap.txt')).status).toBe(200);
    await unlink(path.join(dir, 'swap.txt'));
    await symlink('../../../outside/secret.txt', path.join(dir, 'swap.txt'));
    // Refused at once, before the watcher has told the plugin to scan again.
    await expectRefused('/seeds/swap.txt');

    await symlink('../../../outside/secret.txt', path.join(dir, 'late.txt'));
    execFileSync('mkfifo', [path.join(dir, 'late-pipe.txt')]);
    await expect.poll(notes, { timeout: 10_000 }).toMatchObject({
      'swap.txt': LINK_OUTSIDE,
      'late.txt': LINK_OUTSIDE,
      'late-pipe.txt': 'Not a regular file (a named pipe): not read.',
    });
    for (const p of ['/seeds/swap.txt', '/seeds/late.txt', '/seeds/late-pipe.txt'])
      await expectRefused(p);
  });
});
