import type { Plugin } from 'vite';

/**
 * Names the built corpus worker's file in the page (`<meta name="dispatch-worker">`) and loads
 * `public/early-worker.js` in the head, which starts the worker while the page is parsed. The app's
 * entry would start it only once evaluated: on a warm reload the worker's script was requested
 * ~120 ms after `new Worker` (after the entry's ~70 ms evaluation task), and the last visit's
 * search index, which the worker reads first, was ready only after the reader had typed.
 * Build only: `npm run dev` serves the worker from source, and the app creates it.
 */
export function earlyWorkerPlugin(base: string): Plugin {
  return {
    name: 'dispatch-early-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const file = Object.keys(ctx.bundle ?? {}).find((f) =>
          /(?:^|\/)corpus\.worker-[^/]+\.js$/u.test(f),
        );
        if (!file) return [];
        return [
          {
            tag: 'meta',
            attrs: { name: 'dispatch-worker', content: `${base}${file}` },
            injectTo: 'head',
          },
          { tag: 'script', attrs: { src: `${base}early-worker.js` }, injectTo: 'head' },
        ];
      },
    },
  };
}
