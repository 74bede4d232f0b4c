/**
 * Pagefind, the static-search reference, indexing the same stories as Dispatch for
 * `npm run bench:pagefind`. Each story is one record: its title and every paragraph, at the URL
 * of its Dispatch preview page (`/story/<id>/`). The build's preview pages carry only a title and
 * a lede, so indexing them from disk would give Pagefind less text than Dispatch searches; a
 * custom record with the full text is the fair comparison.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Story } from '../../src/corpus/types';

export interface PagefindBuild {
  /** Wall time of indexing and writing the bundle, ms. */
  ms: number;
  /** Files and bytes of the written bundle (Pagefind compresses its own files). */
  files: number;
  bytes: number;
}

/** Writes a Pagefind bundle for `stories` to `outDir` (served at `/pagefind/`). */
export async function buildPagefind(
  stories: readonly Story[],
  outDir: string,
): Promise<PagefindBuild> {
  const start = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  // The service takes records over a pipe; a few hundred in flight keeps it busy without
  // queueing the whole folder's text in memory at once.
  for (let i = 0; i < stories.length; i += 256) {
    const batch = stories.slice(i, i + 256).map((s) =>
      index.addCustomRecord({
        url: `/story/${s.id}/`,
        content: [s.title, ...s.paragraphs].join('\n\n'),
        language: 'en',
        meta: { title: s.title },
      }),
    );
    for (const r of await Promise.all(batch))
      if (r.errors.length) throw new Error(`pagefind: ${r.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: outDir });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  const ms = performance.now() - start;
  await pagefind.close();
  const { files, bytes } = folderSize(outDir);
  return { ms, files, bytes };
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const info = statSync(p);
    if (info.isDirectory()) {
      const sub = folderSize(p);
      files += sub.files;
      bytes += sub.bytes;
    } else {
      files++;
      bytes += info.size;
    }
  }
  return { files, bytes };
}
