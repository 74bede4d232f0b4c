import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadFolder } from '../scripts/lib/corpora';
import { nodeTagger } from '../scripts/lib/ner/node-tagger';
import { threadTimelines } from '../src/corpus/archive/thread-timelines';
import { encodeFile } from '../src/corpus/entities/analysis-codec';
import { analyzeStory } from '../src/corpus/entities/recognize';
import { folderFingerprint } from '../src/corpus/fingerprint';
import { parseFile } from '../src/corpus/parse-file';
import { storyDates } from '../src/corpus/threads/timeline';
import { decodeTables, type TablesPack } from '../src/corpus/tables/tables-codec';
import type { CachedCode } from './analysis-cache';
import { buildTables, tablesHeapMb } from './build-tables';
import { readSeedFile } from './read-seed-file';
import { scanSeeds } from './scan-seeds';

const SEEDS = path.resolve(import.meta.dirname, '../public/seeds');

/** Every file's names, from the recognizer (as the build's names step makes them). */
async function analyse({ manifest, sources }: Awaited<ReturnType<typeof scanSeeds>>) {
  const tagger = nodeTagger();
  const codes = new Map<string, CachedCode>();
  for (const f of manifest.files) {
    const file = parseFile({
      fileId: f.id,
      section: f.section,
      bytes: await readSeedFile(sources.get(f.path)!),
    });
    codes.set(
      f.hash,
      encodeFile(
        file.stories,
        file.stories.map((s) => analyzeStory(s, tagger)),
      ),
    );
  }
  return codes;
}

describe('buildTables: the folder-wide tables on a build thread', () => {
  it('ships tables for the folder’s fingerprint, and none when a text was not analysed', async () => {
    const { manifest, sources } = await scanSeeds(SEEDS);
    const codes = await analyse({ manifest, sources });
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };

    // The thread says once, before its reply, that its heavy part is over (a large build starts
    // the search chunks then); an archive's timelines, from the dates taken at the parse, are
    // the threads' timelines of the text.
    const told: string[] = [];
    const built = await buildTables(manifest, sources, codes, log, undefined, null, true, () =>
      told.push(lines.length ? 'after the reply' : 'before the reply'),
    );
    expect(told).toEqual(['before the reply']);
    expect(built!.url).toMatch(/^seeds-packs\/tables-[0-9a-f]{10}\.gz$/u);
    const pack = JSON.parse(gunzipSync(built!.data).toString()) as TablesPack;
    const tables = decodeTables(pack, folderFingerprint(manifest.files));
    const stories = new Map(loadFolder(SEEDS).stories.map((s) => [s.id, s]));
    expect(built!.timelines).toEqual(
      threadTimelines(tables!.threads, (id) => {
        const s = stories.get(id);
        return s && storyDates(s);
      }),
    );
    expect(tables!.table.entities.some((e) => e.id === 'person/vladimir-putin')).toBe(true);
    expect(lines.join('\n')).toMatch(
      /\[tables\] [\d,]+ entities, 15 related lists, \d+ threads: \d+ KB gzip/u,
    );

    // A text the build could not analyse: the browser makes the tables.
    codes.delete(manifest.files[0]!.hash);
    expect(await buildTables(manifest, sources, codes, log)).toBeNull();
    expect(lines.at(-1)).toMatch(/\[tables\] not built, left to the browser: .* has no analysis/u);
  });
});

describe('buildTables with its per-file cache', () => {
  it('makes, after an edit, the pack a build without the cache makes', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'dispatch-tables-test-'));
    try {
      const folder = path.join(root, 'folder');
      cpSync(SEEDS, folder, { recursive: true });
      const cache = { dir: path.join(root, 'cache'), folder };
      const lines: string[] = [];
      const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
      const first = await scanSeeds(folder);
      const before = await buildTables(
        first.manifest,
        first.sources,
        await analyse(first),
        log,
        undefined,
        cache,
      );
      expect(lines.join('\n')).toContain('related counts (0 files cached)');
      // An edit (new names too), a copy of a file under another name (its stories repeated) and
      // a binary file: three files counted afresh, the others' counts replayed from the cache.
      const edited = first.manifest.files[1]!;
      appendFileSync(
        path.join(folder, edited.path),
        '\n\nVladimir Putin met the Brightwater review board in Moscow on Tuesday.\n',
      );
      cpSync(path.join(folder, first.manifest.files[0]!.path), path.join(folder, 'copy.txt'));
      writeFileSync(
        path.join(folder, 'photo.txt'),
        Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256),
      );
      const { manifest, sources } = await scanSeeds(folder);
      const codes = await analyse({ manifest, sources });
      lines.length = 0;
      const rebuilt = await buildTables(manifest, sources, codes, log, undefined, cache);
      const cached = manifest.files.length - 3;
      expect(lines.join('\n')).toContain(`parse and phrases (${cached} files cached)`);
      expect(lines.join('\n')).toContain(`related counts (${cached} files cached)`);
      const clean = await buildTables(manifest, sources, codes, log);
      expect(rebuilt!.data.equals(before!.data)).toBe(false);
      expect(gunzipSync(rebuilt!.data).equals(gunzipSync(clean!.data))).toBe(true);
      // Built again, every file's counts from the cache.
      lines.length = 0;
      const again = await buildTables(manifest, sources, codes, log, undefined, cache);
      expect(lines.join('\n')).toContain(`related counts (${manifest.files.length} files cached)`);
      expect(gunzipSync(again!.data).equals(gunzipSync(clean!.data))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the tables thread’s heap cap', () => {
  it('is 2 GB for a small folder and grows with the text and the files past that', () => {
    const folder = (files: number, size: number) =>
      ({ files: Array.from({ length: files }, () => ({ size })) }) as unknown as Parameters<
        typeof tablesHeapMb
      >[0];
    expect(tablesHeapMb(folder(2225, 2200))).toBe(2048);
    // 100,000 generated articles (270 MiB of text) still fit the floor…
    expect(tablesHeapMb(folder(100_000, 2838))).toBe(2048);
    // … 400,000 get 5 times their text and 4 KB a file.
    expect(tablesHeapMb(folder(400_000, 2838))).toBe(6976);
  });
});
