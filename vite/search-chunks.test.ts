import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChunkIndex } from '../src/corpus/search/chunks/chunk-index';
import { chunkSearch } from '../src/corpus/search/chunks/chunk-search';
import { CHUNK_FORMAT } from '../src/corpus/search/chunks/meta';
import { parseFile } from '../src/corpus/parse-file';
import { search } from '../src/corpus/search/search';
import { buildSearchIndex } from '../src/corpus/search/search-index';
import { readSeedFile } from './read-seed-file';
import { scanSeeds } from './scan-seeds';
import { buildSearchChunks, settle } from './search-chunks';

const SEEDS = path.resolve(import.meta.dirname, '../public/seeds');
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'dispatch-chunks-test-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('buildSearchChunks: the folder’s search chunks on a build thread', () => {
  it('builds them with the worker’s code, names them by content and reuses them unchanged', async () => {
    const { manifest, sources } = await scanSeeds(SEEDS);
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    const built = (await buildSearchChunks(manifest, sources, { cacheDir, ...log }))!;
    expect(built.version).toBe(CHUNK_FORMAT);
    expect(built.dir).toMatch(/^search-chunks\/[0-9a-f]{12}$/u);
    expect(lines.some((l) => /^\[chunks\] .* stories, .* files, .* gzip\) in /u.test(l))).toBe(
      true,
    );

    // A query over the files on disk ranks as the in-memory engine over the same parse.
    const stories = [];
    for (const f of manifest.files) {
      const bytes = await readSeedFile(sources.get(f.path)!);
      stories.push(...parseFile({ fileId: f.id, section: f.section, bytes }).stories);
    }
    const index = new ChunkIndex(async (name) => readFileSync(path.join(built.from, name)));
    for (const q of ['balistic missles', 'pyongya', '"north korean troops"']) {
      const chunked = await chunkSearch(index, q, { limit: 10 });
      const memory = search(buildSearchIndex(stories), q, { limit: 10 });
      expect(chunked.hits.map((h) => h.storyId)).toEqual(memory.stories.map((s) => s.storyId));
    }

    lines.length = 0;
    const again = (await buildSearchChunks(manifest, sources, { cacheDir, ...log }))!;
    expect(again.dir).toBe(built.dir);
    expect(again.files).toEqual(built.files);
    expect(lines).toEqual([expect.stringMatching(/from the cache\.$/u)]);

    // Another folder (one file fewer): other chunks, in another directory.
    const fewer = { ...manifest, files: manifest.files.slice(1) };
    const other = (await buildSearchChunks(fewer, sources, { cacheDir, ...log }))!;
    expect(other.dir).not.toBe(built.dir);
  });

  it('after an edit, indexes only the changed file and writes the chunks a clean build writes', async () => {
    const folder = path.join(cacheDir, 'folder');
    cpSync(SEEDS, folder, { recursive: true });
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    const indexed: [number, number][] = [];
    const opts = {
      cacheDir: path.join(cacheDir, 'incremental'),
      perFile: { dir: path.join(cacheDir, 'incremental-files'), folder },
      onIndexed: (cached: number, files: number) => indexed.push([cached, files]),
      ...log,
    };
    const first = await scanSeeds(folder);
    await buildSearchChunks(first.manifest, first.sources, opts);
    const n = first.manifest.files.length;
    expect(indexed).toEqual([[0, n]]);
    const edited = first.manifest.files[1]!;
    appendFileSync(path.join(folder, edited.path), '\n\nA late paragraph on Brightwater.\n');

    const { manifest, sources } = await scanSeeds(folder);
    lines.length = 0;
    const rebuilt = (await buildSearchChunks(manifest, sources, opts))!;
    const cached = manifest.files.length - 1;
    expect(lines.some((l) => l.includes(`parse and index (${cached} files cached)`))).toBe(true);
    // Told how much of the folder came from the per-file cache (build-steps.ts reads it).
    expect(indexed.at(-1)).toEqual([cached, n]);
    const clean = (await buildSearchChunks(manifest, sources, {
      cacheDir: path.join(cacheDir, 'clean'),
      ...log,
    }))!;
    expect(rebuilt.dir).not.toBe(
      (await buildSearchChunks(first.manifest, first.sources, opts))!.dir,
    );
    expect(rebuilt.dir).toBe(clean.dir);
    expect(rebuilt.files).toEqual(clean.files);
    // Each file's digest, for the build folder to keep the files two sets share.
    expect(rebuilt.digests).toEqual(clean.digests);
    expect(rebuilt.digests).toHaveLength(clean.files.length);
    clean.files.forEach(([name], i) =>
      expect(clean.digests![i]).toBe(
        createHash('sha256')
          .update(readFileSync(path.join(clean.from, name)))
          .digest('hex')
          .slice(0, 32),
      ),
    );
    // The whole set from the cache: every file counts as cached.
    indexed.length = 0;
    const again = (await buildSearchChunks(manifest, sources, opts))!;
    expect(indexed).toEqual([[n, n]]);
    expect(again.digests).toEqual(clean.digests);
    for (const [name] of clean.files)
      expect(readFileSync(path.join(rebuilt.from, name))).toEqual(
        readFileSync(path.join(clean.from, name)),
      );
  });

  it('keeps a set another build finished under the same key, and replaces only a broken one', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'dispatch-settle-'));
    const make = (dir: string, index: boolean) => {
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'p-0'), 'postings');
      if (index) writeFileSync(path.join(dir, 'index.json'), '{"hash":"x","version":1,"files":[]}');
    };
    const entry = path.join(root, 'key');
    // Another build's finished set, being published from (its files must stay the same files).
    make(entry, true);
    const inode = statSync(path.join(entry, 'p-0')).ino;
    make(`${entry}.1.tmp`, true);
    await settle(`${entry}.1.tmp`, entry);
    expect(statSync(path.join(entry, 'p-0')).ino).toBe(inode);
    expect(() => statSync(`${entry}.1.tmp`)).toThrow();
    // A leftover without its index is replaced.
    rmSync(path.join(entry, 'index.json'));
    make(`${entry}.2.tmp`, true);
    await settle(`${entry}.2.tmp`, entry);
    expect(statSync(path.join(entry, 'p-0')).ino).not.toBe(inode);
    expect(readFileSync(path.join(entry, 'index.json'), 'utf8')).toContain('"hash"');
    rmSync(root, { recursive: true, force: true });
  });
});
