import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { cspPlugin } from './vite/csp-plugin';
import { previewsPlugin } from './vite/previews-plugin';
import { pwaPlugin } from './vite/pwa';
import { seedsPlugin } from './vite/seeds-plugin';
import { spaFallbackPlugin } from './vite/spa-fallback-plugin';

// BASE_PATH lets the build live under a sub-path of a static host (`/reader/`).
const base = normalizeBase(process.env.BASE_PATH ?? '/');
const seedsDir = process.env.SEEDS_DIR ?? 'public/seeds';
// Off by default: a folder received from someone else must not publish files from this disk.
const seeds = seedsPlugin({ seedsDir, followLinks: process.env.SEEDS_FOLLOW_LINKS === '1' });

export default defineConfig({
  base,
  plugins: [
    react(),
    tailwindcss(),
    seeds,
    spaFallbackPlugin(),
    previewsPlugin({ seeds: seeds.api, siteUrl: process.env.SITE_URL }),
    pwaPlugin(),
    cspPlugin(),
  ],
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
