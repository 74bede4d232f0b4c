import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { cspPlugin } from './vite/csp-plugin.ts';
import { earlyWorkerPlugin } from './vite/early-worker-plugin.ts';
import { isInside } from './vite/folder-entry.ts';
import { outDirPlugin } from './vite/out-dir-plugin.ts';
import { previewsPlugin } from './vite/previews-plugin.ts';
import { pwaPlugin } from './vite/pwa.ts';
import { seedsPlugin } from './vite/seeds-plugin.ts';
import { spaFallbackPlugin } from './vite/spa-fallback-plugin.ts';

// BASE_PATH lets the build live under a sub-path of a static host (`/reader/`).
const base = normalizeBase(process.env.BASE_PATH ?? '/');
const seedsDir = process.env.SEEDS_DIR ?? 'public/seeds';
// What a rebuild reuses of the last build's output (tree-sync.ts): records, not published.
const stateDir = path.resolve(import.meta.dirname, 'node_modules/.cache/dispatch/out');
// Off by default: a folder received from someone else must not publish files from this disk.
const seeds = seedsPlugin({
  seedsDir,
  followLinks: process.env.SEEDS_FOLLOW_LINKS === '1',
  // SEEDS_NAMES=0: a build whose browser analyses names itself (as `npm run dev` does).
  names: process.env.SEEDS_NAMES !== '0',
  // SEEDS_TABLES=0: names from the build, but the entity table, related lists and threads made
  // in the browser.
  tables: process.env.SEEDS_TABLES !== '0',
  cacheDir: process.env.DISPATCH_CACHE_DIR,
  tablesCacheDir:
    process.env.DISPATCH_CACHE_DIR && path.join(process.env.DISPATCH_CACHE_DIR, 'tables'),
  // SEEDS_CHUNKS=0: no search chunks; the browser searches only the index it builds.
  chunks: process.env.SEEDS_CHUNKS !== '0',
  chunksCacheDir:
    process.env.DISPATCH_CACHE_DIR && path.join(process.env.DISPATCH_CACHE_DIR, 'search-chunks'),
  scanCacheDir: process.env.DISPATCH_CACHE_DIR && path.join(process.env.DISPATCH_CACHE_DIR, 'scan'),
  stateDir,
  // SEEDS_ARCHIVE=1: the archive form (paged listing, per-story side data, no whole folder in the
  // browser) whatever the folder's size; 0: never; unset: from ARCHIVE_FILES files.
  archive: process.env.SEEDS_ARCHIVE,
  archivePageRows: Number(process.env.SEEDS_ARCHIVE_PAGE_ROWS) || undefined,
  archiveEntityStories: Number(process.env.SEEDS_ARCHIVE_ENTITY_STORIES) || undefined,
  archiveThreadRows: Number(process.env.SEEDS_ARCHIVE_THREAD_ROWS) || undefined,
});

// What the tests generate is not source: the dev server does not watch it (the hostile folder's
// link loop printed a watcher error at every `npm run dev` after a test run). A SEEDS_DIR in one
// of them, or around one, is still watched.
const seedsPath = path.resolve(seedsDir);
const generated = [
  'dist',
  'dist-subpath',
  'dist-hostile',
  'dist-archive',
  'test-results',
  'e2e/.fixtures',
]
  .map((d) => path.resolve(import.meta.dirname, d))
  .filter((d) => !isInside(seedsPath, d) && !isInside(d, seedsPath));

export default defineConfig({
  base,
  plugins: [
    // The per-article trees (and the chunks' and archive's) are kept between builds and written
    // incrementally.
    outDirPlugin(['seeds', 'story', 'search-chunks', 'archive']),
    react(),
    tailwindcss(),
    seeds,
    spaFallbackPlugin(),
    previewsPlugin({ seeds: seeds.api, siteUrl: process.env.SITE_URL, stateDir }),
    pwaPlugin({ isArchive: seeds.api.isArchive }),
    earlyWorkerPlugin(base),
    cspPlugin(),
  ],
  server: { watch: { ignored: generated.map((d) => `${d}/**`) } },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  preview: { port: 4173, strictPort: false },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'vite/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Loading the BBC folder in a beforeAll took >10 s (the default) on the shared 2-core machine.
    hookTimeout: 120_000,
  },
});

function normalizeBase(b: string): string {
  let out = b.trim() || '/';
  if (!out.startsWith('/')) out = '/' + out;
  if (!out.endsWith('/')) out += '/';
  return out;
}
