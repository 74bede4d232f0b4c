import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInOrder, type SeedFile } from './read-seed-file';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dispatch-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function seed(name: string, text: string): SeedFile {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  const { dev, ino } = statSync(p);
  return { path: p, dev, ino };
}

describe('readInOrder', () => {
  it('gives every file’s bytes in order, with reads ahead', async () => {
    const files = Array.from({ length: 40 }, (_, i) => seed(`${i}.txt`, `text ${i}`));
    const out: string[] = [];
    for await (const bytes of readInOrder(files, 3)) out.push(bytes.toString());
    expect(out).toEqual(files.map((_, i) => `text ${i}`));
  });

  it('throws a file’s error where its bytes would come', async () => {
    const good = seed('good.txt', 'good');
    const gone = { ...seed('gone.txt', 'x'), ino: -1 };
    const reads = readInOrder([good, gone, good], 3);
    expect((await reads.next()).value!.toString()).toBe('good');
    await expect(reads.next()).rejects.toThrow(/Replaced since the folder was read/u);
  });
});
