import { mkdtemp, realpath, rm, unlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';

/**
 * `npm run dev` on a folder that changes while the page is open: a file added, edited and deleted
 * shows up at once, in the library and in the open story, without a reload. The real dev server
 * (the project's config, SEEDS_DIR on a temporary folder), started here as
 * vite/seeds-dev-server.test.ts starts it; every other journey runs on the production build.
 */
const root = fileURLToPath(new URL('..', import.meta.url));

let dir: string;
let server: ViteDevServer;
let origin: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = await realpath(await mkdtemp(path.join(tmpdir(), 'dispatch-live-')));
  await writeFile(
    path.join(dir, 'alpha.txt'),
    'Alpha arrives first\n\nThe first story, as it was.',
  );
  // vite.config.ts reads SEEDS_DIR when Vite loads it, here.
  const previous = process.env.SEEDS_DIR;
  process.env.SEEDS_DIR = dir;
  try {
    server = await createServer({
      configFile: path.join(root, 'vite.config.ts'),
      root,
      logLevel: 'silent',
      // Its own dependency cache, so a dev server someone runs in this checkout is not disturbed
      // (inside the project: the folder's own paths are never served, /@fs/ ones included).
      cacheDir: path.join(root, 'node_modules', '.vite-live-folder-test'),
      server: {
        port: 0,
        host: '127.0.0.1',
        strictPort: false,
        // The hostile fixture folder holds a link loop, which the watcher would report.
        watch: { ignored: ['**/e2e/.fixtures/**', '**/dist*/**', '**/test-results/**'] },
      },
    });
    await server.listen();
  } finally {
    if (previous === undefined) delete process.env.SEEDS_DIR;
    else process.env.SEEDS_DIR = previous;
  }
  const { port } = server.httpServer?.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
});

test.afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('dev: adding, editing and deleting a file shows in the open page', async ({ page }) => {
  test.setTimeout(120_000);
  // The first visit compiles the app on demand.
  await page.goto(`${origin}/`, { timeout: 60_000 });
  const list = page.getByRole('list', { name: 'Stories' });
  await expect(list.getByRole('link')).toHaveCount(1, { timeout: 60_000 });
  await expect(list.getByRole('heading', { name: 'Alpha arrives first' })).toBeVisible();

  // Added: a second story appears.
  await writeFile(
    path.join(dir, 'beta.txt'),
    'Beta joins later\n\nA story added while the page is open.',
  );
  await expect(list.getByRole('heading', { name: 'Beta joins later' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(list.getByRole('link')).toHaveCount(2);

  // Edited: the library row follows the new headline.
  await writeFile(path.join(dir, 'alpha.txt'), 'Alpha, edited\n\nThe first story, changed once.');
  await expect(list.getByRole('heading', { name: 'Alpha, edited' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(list.getByRole('heading', { name: 'Alpha arrives first' })).toHaveCount(0);

  // Deleted: its row goes.
  await unlink(path.join(dir, 'beta.txt'));
  await expect(list.getByRole('heading', { name: 'Beta joins later' })).toHaveCount(0, {
    timeout: 15_000,
  });
  await expect(list.getByRole('link')).toHaveCount(1);

  // An open story follows its file too.
  await list.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alpha, edited');
  await writeFile(
    path.join(dir, 'alpha.txt'),
    'Alpha, edited twice\n\nThe text a reader sees now.',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alpha, edited twice', {
    timeout: 15_000,
  });
  await expect(page.locator('#p1')).toHaveText('The text a reader sees now.');
});
