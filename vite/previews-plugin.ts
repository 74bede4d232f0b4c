import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { previewPages, previewTemplateKey } from './preview-pages.ts';
import type { SeedsSource } from './seeds-plugin.ts';
import { describeSync, syncTree, treeStateFile } from './tree-sync.ts';

/**
 * Link previews: the build writes `story/<id>/index.html` for every story, a copy of the app's
 * page whose title, description and Open Graph tags are the story's own. Static hosts serve it for
 * `/story/<id>` (directory index), so a shared link unfurls with its headline and lede and then
 * boots the same app. `SITE_URL` (optional) adds absolute `og:url`s.
 * Incremental: only files that changed are parsed again, and only pages whose inputs changed are
 * made and written (preview-pages.ts, tree-sync.ts); pages of stories that are gone are removed.
 */
export function previewsPlugin(options: {
  seeds: SeedsSource;
  siteUrl?: string;
  /** Where what a rebuild reuses is kept (the record of the pages written). */
  stateDir: string;
}): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'dispatch-link-previews',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    // Before the other plugins' writeBundle: Vite runs them one after the other, and the seeds
    // plugin's waits for the tables thread (an archive's groups), which the pages do not need.
    // Run first, they are made while that thread runs (100k rebuild: 4–5 s that came after it).
    writeBundle: {
      order: 'pre',
      async handler(out, bundle) {
        const dir = out.dir ?? config.build.outDir;
        // A story page starts downloading the story view's code with the HTML, not after the
        // entry has run and rendered (measured 60–200 ms later on a loaded 2-core machine).
        const preloads = storyRouteChunks(bundle).map(
          (f) => `<link rel="modulepreload" crossorigin href="${config.base}${f}" />`,
        );
        const indexHtml = (await readFile(path.join(dir, 'index.html'), 'utf8')).replace(
          '</head>',
          () => `  ${preloads.join('\n    ')}\n  </head>`,
        );
        // The seeds plugin's scan: the same files, under the same folder rules, scanned once.
        const { manifest } = await options.seeds.scan();
        const started = performance.now();
        const { parsed, reparsed } = await options.seeds.summaries(dir);
        const summarized = performance.now();
        const siteUrl = options.siteUrl ?? null;
        const key = await previewTemplateKey(indexHtml, siteUrl);
        const pages = previewPages(indexHtml, key, manifest.files, parsed, siteUrl);
        const listed = performance.now();
        const r = await syncTree(
          dir,
          'story',
          pages,
          treeStateFile(options.stateDir, dir, 'story'),
        );
        config.logger.info(
          `[previews] ${pages.length.toLocaleString('en-US')} story pages, ${reparsed} files ` +
            `parsed (summaries ${seconds(summarized - started)}, pages listed ` +
            `${seconds(listed - summarized)}): ${describeSync(r, started)}`,
        );
      },
    },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What we read of a bundle's chunk (the shape is rollup's and rolldown's alike). */
interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  isEntry: boolean;
  imports: string[];
}

/** The story route's chunk and the chunks it imports statically (not the entry's, preloaded already). */
function storyRouteChunks(bundle: Record<string, { type: string }>): string[] {
  const chunks = Object.values(bundle).filter((c): c is ChunkInfo => c.type === 'chunk');
  const route = chunks.find((c) => c.facadeModuleId?.endsWith('/routes/story-route.tsx'));
  if (!route) return [];
  const entry = new Set(chunks.filter((c) => c.isEntry).flatMap((c) => [c.fileName, ...c.imports]));
  return [route.fileName, ...route.imports.filter((f) => !entry.has(f))];
}
