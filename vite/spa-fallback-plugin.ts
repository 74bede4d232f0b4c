import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Static hosts (GitHub Pages, S3 + CloudFront error pages, Netlify) answer unknown paths with
 * `404.html`. Making it a copy of `index.html` lets a deep link like `/reader/story/business/001`
 * boot the app, which then routes on the client.
 */
export function spaFallbackPlugin(): Plugin {
  return {
    name: 'dispatch-spa-fallback',
    apply: 'build',
    async writeBundle(options) {
      const dir = options.dir ?? 'dist';
      await copyFile(path.join(dir, 'index.html'), path.join(dir, '404.html'));
    },
  };
}
