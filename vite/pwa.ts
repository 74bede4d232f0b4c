import { VitePWA } from 'vite-plugin-pwa';

/**
 * Offline and installable: the app shell (HTML, JS, CSS, icons) is precached; the article files
 * and the manifest are cached as they are read (network first, so edits are seen online; the cache
 * answers offline). Parsed files and indexes also live in IndexedDB, so after one visit the
 * library, every story and search work with the network off.
 */
export function pwaPlugin({ isArchive }: { isArchive: () => Promise<boolean> }) {
  return VitePWA({
    registerType: 'autoUpdate',
    // An external registerSW.js, not an inline script: the CSP allows no inline script.
    injectRegister: 'script',
    includeAssets: ['favicon.svg', 'theme-init.js', 'icons/*.png'],
    manifest: {
      name: 'Dispatch',
      short_name: 'Dispatch',
      description: 'A fast reader for folders of news articles.',
      theme_color: '#7f1d1d',
      background_color: '#fbfaf7',
      display: 'standalone',
      start_url: '.',
      scope: '.',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // The app shell only: article files can be thousands; they are cached at runtime instead.
      // …and the entity model (assets/ner-model.bin-<hash>.gz), which the worker needs offline.
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}', 'assets/*.gz'],
      globIgnores: ['story/**', 'seeds/**', '404.html'],
      // An archive never analyses names in the browser (its side groups carry the build's): its
      // service worker does not download the 1.25 MB model on install.
      manifestTransforms: [
        async (entries) => ({
          manifest: (await isArchive())
            ? entries.filter((e) => !/ner-model\.bin-[^/]+\.gz$/u.test(e.url))
            : entries,
          warnings: [],
        }),
      ],
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/\/seeds\//u, /\/seeds-manifest\.json$/u],
      maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      runtimeCaching: [
        {
          urlPattern: ({ url }) =>
            /\/seeds\/.+\.txt$/u.test(url.pathname) ||
            url.pathname.endsWith('/seeds-manifest.json'),
          handler: 'NetworkFirst',
          options: {
            cacheName: 'dispatch-seeds',
            networkTimeoutSeconds: 4,
            expiration: { maxEntries: 20000 },
          },
        },
        {
          // The build's entity analyses (`seeds-packs/names-<n>-<hash>.gz`) and folder-wide
          // tables (`tables-<hash>.gz`): named by their content, so never stale; offline, names,
          // related stories and threads then come without re-analysing the folder.
          urlPattern: ({ url }) => /\/seeds-packs\/(?:names|tables)-[^/]+\.gz$/u.test(url.pathname),
          handler: 'CacheFirst',
          options: { cacheName: 'dispatch-names', expiration: { maxEntries: 500 } },
        },
        {
          // The search chunks (`search-chunks/<hash>/<name>`): in a directory named by their
          // content, so never stale; offline, a query whose chunks were fetched is answered again.
          urlPattern: ({ url }) => /\/search-chunks\/[0-9a-f]+\/[^/]+$/u.test(url.pathname),
          handler: 'CacheFirst',
          options: { cacheName: 'dispatch-search-chunks', expiration: { maxEntries: 5000 } },
        },
        {
          // An archive's listing pages, side, entity, filter and thread groups, its thread list, kinds
          // (archive-build.ts): content-named too. Offline, the pages, stories, entities, filters
          // and threads visited are there.
          urlPattern: ({ url }) =>
            /\/archive\/(?:list|side|entity|filter|threads?|kinds)-[^/]+\.json$/u.test(
              url.pathname,
            ),
          handler: 'CacheFirst',
          options: { cacheName: 'dispatch-archive', expiration: { maxEntries: 2000 } },
        },
      ],
    },
  });
}
