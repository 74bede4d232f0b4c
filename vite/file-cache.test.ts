import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileCache, fileKey, keepNewest, segmentsOf } from './file-cache';

const root = mkdtempSync(path.join(os.tmpdir(), 'dispatch-file-index-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const keysOf = (hashes: string[]) =>
  hashes.map((hash, i) =>
    fileKey({ id: `s/${String(i).padStart(5, '0')}.txt`, section: 's', hash }),
  );
const folder = Array.from({ length: 2000 }, (_, i) => `h${i}`);

/** One build's pass: every file taken (or made) and put, in order; returns the files made. */
async function pass(dir: string, keys: string[]): Promise<{ made: number[]; cache: FileCache }> {
  const cache = await FileCache.open(dir, keys);
  const made: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const promised = cache.has(i, keys[i]!);
    let entry = await cache.take(i, keys[i]!);
    // `has` (the build's read-ahead decides by it) says exactly what `take` finds.
    expect(promised).toBe(entry !== undefined);
    if (entry === undefined) {
      made.push(i);
      // Of several lengths, so that entries and keys fall on any byte of a word.
      entry = Buffer.from(JSON.stringify({ made: keys[i], pad: 'x'.repeat(i % 7) }));
    } else {
      expect(JSON.parse(Buffer.from(entry).toString())).toEqual({
        made: keys[i],
        pad: 'x'.repeat(i % 7),
      });
    }
    if (cache.wanted(i)) await cache.put(i, entry);
  }
  await cache.finish();
  return { made, cache };
}

describe('FileCache: per-file entries in content-defined segments', () => {
  it('cuts segments by the keys, so an edit changes the segments around it only', () => {
    const before = segmentsOf(keysOf(folder));
    expect(before.length).toBeGreaterThan(4);
    expect(before.flatMap((s) => s.keys)).toEqual(keysOf(folder));
    const edited = [...folder];
    edited[1000] = 'edited';
    const after = segmentsOf(keysOf(edited));
    const old = new Set(before.map((s) => s.name));
    expect(after.filter((s) => !old.has(s.name)).length).toBeLessThanOrEqual(2);
    // A file removed early moves no boundary after it.
    const fewer = keysOf(folder);
    fewer.splice(10, 1);
    expect(segmentsOf(fewer).filter((s) => !old.has(s.name)).length).toBe(1);
  });

  it('two builds of one folder at once both finish, and leave one whole cache', async () => {
    const dir = path.join(root, 'together');
    const keys = keysOf(folder);
    const [a, b] = await Promise.all([pass(dir, keys), pass(dir, keys)]);
    expect(a.made.length + b.made.length).toBe(2 * folder.length);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await pass(dir, keys)).made).toEqual([]);
  });

  it('gives back every unchanged file’s entry and makes only the changed ones', async () => {
    const dir = path.join(root, 'a');
    expect((await pass(dir, keysOf(folder))).made.length).toBe(folder.length);
    const again = await pass(dir, keysOf(folder));
    expect(again.made).toEqual([]);
    expect(again.cache.written).toBe(0);

    const edited = [...folder];
    for (const i of [3, 700, 701, 1999]) edited[i] = `edited-${i}`;
    const rebuilt = await pass(dir, keysOf(edited));
    expect(rebuilt.made).toEqual([3, 700, 701, 1999]);
    expect(rebuilt.cache.written).toBeLessThanOrEqual(8);
    // What is left on disk is this build's segments and the index, nothing older.
    const segments = segmentsOf(keysOf(edited)).map((s) => `seg-${s.name}.bin`);
    expect(readdirSync(dir).sort()).toEqual([...segments, 'index.json'].sort());
    expect((await pass(dir, keysOf(edited))).made).toEqual([]);
  });

  it('makes every file again when the cache folder was emptied', async () => {
    const dir = path.join(root, 'b');
    await pass(dir, keysOf(folder));
    for (const f of readdirSync(dir)) if (f.startsWith('seg-')) rmSync(path.join(dir, f));
    expect((await pass(dir, keysOf(folder))).made.length).toBe(folder.length);
  });
});

describe('keepNewest: a build cache’s eviction', () => {
  it('keeps the newest entries, and any used within the grace period, whatever their number', async () => {
    const dir = path.join(root, 'sets');
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
    for (const [name, h] of [
      ['a', 5],
      ['b', 3],
      ['c', 1],
      ['d', 0.5],
      ['e', 0.1],
      ['f', 0],
    ] as const) {
      mkdirSync(path.join(dir, name), { recursive: true });
      utimesSync(path.join(dir, name), hoursAgo(h), hoursAgo(h));
    }
    // One kept by count; c, d and e are within two hours (a long build may still be
    // publishing from them); a and b go.
    await keepNewest(dir, path.join(dir, 'f'), 1, 2 * 3600_000);
    expect(readdirSync(dir).sort()).toEqual(['c', 'd', 'e', 'f']);
    await keepNewest(dir, path.join(dir, 'f'), 2);
    expect(readdirSync(dir).sort()).toEqual(['e', 'f']);
  });
});
