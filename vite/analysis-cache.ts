import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileAnalysisCode } from '../src/corpus/entities/analysis-codec';
import { ANALYSIS_VERSION } from '../src/corpus/entities/analysis-version.ts';

/** What the build knows of a text: its analyses, or null when it is left to the browser. */
export type CachedCode = FileAnalysisCode | null;

export interface AnalysisCache {
  /** The cached code of a content hash; undefined when the text was never analysed. */
  read(hash: string): Promise<CachedCode | undefined>;
  write(hash: string, code: CachedCode): Promise<void>;
}

/**
 * The build's entity analyses on disk, one small JSON file per content hash, in a folder per
 * ANALYSIS_VERSION (rules, model, parser): a rebuild after editing a few files analyses only
 * those, and a new model or rule set starts from an empty folder. Files are written whole and
 * renamed into place, so a build that stops half-way or runs beside another leaves no torn entry.
 */
export function analysisCache(dir: string): AnalysisCache {
  const root = path.join(dir, ANALYSIS_VERSION);
  let made: Promise<unknown> | null = null;
  const file = (hash: string) => path.join(root, `${hash.replace(/[^0-9a-z]/giu, '')}.json`);
  return {
    async read(hash) {
      try {
        return (JSON.parse(await readFile(file(hash), 'utf8')) as { code: CachedCode }).code;
      } catch {
        return undefined; // absent or unreadable: analysed again
      }
    },
    async write(hash, code) {
      try {
        await (made ??= mkdir(root, { recursive: true }));
        const tmp = `${file(hash)}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify({ code }));
        await rename(tmp, file(hash));
      } catch {
        /* a read-only or full disk only costs the next build the same work */
      }
    },
  };
}
