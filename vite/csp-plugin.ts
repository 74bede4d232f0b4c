import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built app: scripts and workers from our own origin only (no
 * inline script, no eval), styles from our origin plus inline style attributes (React's `style`),
 * images from our origin and data: URLs, no plugins. `frame-ancestors` cannot be set from a meta
 * tag; hosts that can send headers should add it there.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Adds the CSP as a `<meta http-equiv>` to the built HTML only: the dev server injects inline
 * scripts (HMR client, React refresh preamble) that a strict policy would block.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'dispatch-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
