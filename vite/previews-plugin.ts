import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { orderStories } from '../src/corpus/library.ts';
import { parseFile } from '../src/corpus/parse-file.ts';
import type { ParsedFile } from '../src/corpus/types.ts';
import { readSeedFile } from './read-seed-file.ts';
import type { SeedsSource } from './seeds-plugin.ts';
import { storyPageHtml } from './story-pages.ts';

/**
 * Link previews: the build writes `story/<id>/index.html` for every story, a copy of the app's
 * page whose title, description and Open Graph tags are the story's own. Static hosts serve it for
 * `/story/<id>` (directory index), so a shared link unfurls with its headline and lede and then
 * boots the same app. `SITE_URL` (optional) adds absolute `og:url`s.
 */
export function previewsPlugin(options: { seeds: SeedsSource; siteUrl?: string }): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'dispatch-link-previews',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    async writeBundle(out, bundle) {
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
      const { manifest, sources } = await options.seeds.scan();
      const parsed = new Map<string, ParsedFile>();
      for (const f of manifest.files) {
        const source = sources.get(f.path);
        if (!source) continue;
        try {
          parsed.set(
            f.id,
            parseFile({ fileId: f.id, section: f.section, bytes: await readSeedFile(source) }),
          );
        } catch {
          /* the app shows this file's error; it just gets no preview page */
        }
      }
      const byId = new Map(manifest.files.map((f) => [f.id, f]));
      for (const story of orderStories(manifest.files, parsed)) {
        const file = byId.get(story.fileId);
        if (!file) continue;
        const href = `/story/${story.id}`;
        const target = path.join(dir, 'story', ...story.id.split('/'), 'index.html');
        // Never write outside the build folder, whatever a file name holds.
        if (!path.resolve(target).startsWith(path.resolve(dir) + path.sep)) continue;
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(
          target,
          storyPageHtml(indexHtml, story, story.title, options.siteUrl ?? null, href, file),
        );
      }
    },
  };
}

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
