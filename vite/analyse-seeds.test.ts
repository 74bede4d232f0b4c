import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeTagger } from '../scripts/lib/ner/node-tagger';
import { decodeFile } from '../src/corpus/entities/analysis-codec';
import { analyzeStory } from '../src/corpus/entities/recognize';
import { parseText } from '../src/corpus/parse-file';
import { ANALYSIS_VERSION } from '../src/corpus/entities/analysis-version';
import { analyseSeeds, type AnalyseOptions } from './analyse-seeds';
import type { CachedCode } from './analysis-cache';
import type { PendingFile } from './analysis-pool';
import { scanSeeds } from './scan-seeds';

const SEEDS = path.resolve(import.meta.dirname, '../public/seeds');
const PUTIN = '000_359807c817cdce2f.txt';

describe('analyseSeeds: the build analyses the folder once per text', () => {
  let dir: string;
  let cacheDir: string;
  const lines: string[] = [];
  const options = (extra: Partial<AnalyseOptions> = {}): AnalyseOptions => ({
    cacheDir,
    threads: 2,
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    ...extra,
  });

  beforeAll(async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'dispatch-names-'));
    dir = path.join(base, 'folder');
    cacheDir = path.join(base, 'cache');
    await mkdir(path.join(dir, 'wire'), { recursive: true });
    await copyFile(path.join(SEEDS, PUTIN), path.join(dir, PUTIN));
    // The same text at a second path: analysed once.
    await copyFile(path.join(SEEDS, PUTIN), path.join(dir, 'wire/putin-copy.txt'));
    await writeFile(
      path.join(dir, 'short.txt'),
      'A short one\n\nAngela Merkel met Emmanuel Macron in Paris.',
    );
  });
  afterAll(async () => {
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('runs the browser recognizer on worker threads, then takes unchanged texts from the cache', async () => {
    const scan = await scanSeeds(dir);
    const codes = await analyseSeeds(scan.manifest, scan.sources, options());
    expect(codes.size).toBe(2);
    // What the threads made decodes to what the worker would have found itself.
    const tagger = nodeTagger();
    for (const f of scan.manifest.files) {
      const text = await readFile(path.join(dir, f.path), 'utf8');
      const stories = parseText({ fileId: f.id, section: f.section, text }).stories;
      expect(decodeFile(codes.get(f.hash)!, stories)).toEqual(
        stories.map((s) => analyzeStory(s, tagger)),
      );
    }
    expect(lines.some((l) => /2 texts: 0 from the cache, analysing 2/u.test(l))).toBe(true);

    // One file edited: only its text is analysed again.
    await writeFile(
      path.join(dir, 'short.txt'),
      'A short one\n\nOlaf Scholz met Emmanuel Macron in Berlin.',
    );
    const rescan = await scanSeeds(dir);
    const analysed: string[] = [];
    const again = await analyseSeeds(
      rescan.manifest,
      rescan.sources,
      options({
        analyse: async (files: readonly PendingFile[], _threads, onReply) => {
          for (const f of files) {
            analysed.push(f.fileId);
            onReply({ hash: f.hash, code: null, error: 'left to the browser' }, f);
          }
        },
      }),
    );
    expect(analysed).toEqual(['short']);
    expect(again.size).toBe(2);
    expect(lines.some((l) => /not analysed, left to the browser: short/u.test(l))).toBe(true);
  });

  it("keeps the folder's analyses in segments, which a rebuild reads first", async () => {
    const seg = path.join(path.dirname(dir), 'seg-cache');
    const withSegments = (extra: Partial<AnalyseOptions> = {}) =>
      options({ cacheDir: seg, folder: dir, ...extra });
    /** A stand-in recognizer: each text's code names its file; "short" fails once asked. */
    const analysed: string[] = [];
    const analyse =
      (failing: string[]): AnalyseOptions['analyse'] =>
      async (files, _threads, onReply) => {
        for (const f of files) {
          analysed.push(f.fileId);
          const failed = failing.includes(f.fileId);
          const code = failed ? null : ({ v: f.fileId } as unknown as CachedCode);
          onReply({ hash: f.hash, code, ...(failed && { error: 'stand-in failure' }) }, f);
        }
      };
    const scan = await scanSeeds(dir);
    const first = await analyseSeeds(
      scan.manifest,
      scan.sources,
      withSegments({ analyse: analyse(['short']) }),
    );
    expect(analysed.sort()).toEqual([PUTIN.replace('.txt', ''), 'short']);
    expect(first.size).toBe(2);
    // The per-text files gone, the segments still answer; the failed text is analysed again.
    await rm(path.join(seg, ANALYSIS_VERSION), { recursive: true, force: true });
    analysed.length = 0;
    const second = await analyseSeeds(
      scan.manifest,
      scan.sources,
      withSegments({ analyse: analyse([]) }),
    );
    expect(analysed).toEqual(['short']);
    const putin = scan.manifest.files.find((f) => f.path === PUTIN)!;
    expect(second.get(putin.hash)).toEqual({ v: PUTIN.replace('.txt', '') });
    const read = /read in [\d.]+ s: 1 of 2 texts from the folder's segments/u;
    expect(lines.some((l) => read.test(l))).toBe(true);
    // The segment is on disk already (its keys did not change): "short" is still unknown there,
    // and its per-text file answers.
    analysed.length = 0;
    const third = await analyseSeeds(
      scan.manifest,
      scan.sources,
      withSegments({ analyse: analyse([]) }),
    );
    expect(analysed).toEqual([]);
    expect(third).toEqual(second);
  });
});
