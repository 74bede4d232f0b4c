import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSeedFile, readSeedFileSync, type SeedFile } from './read-seed-file';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dispatch-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function seed(name: string, bytes: string | Buffer): SeedFile {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  const { dev, ino } = statSync(p);
  return { path: p, dev, ino };
}

describe('readSeedFileSync', () => {
  it('gives the bytes readSeedFile gives, empty and large files too', async () => {
    const large = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 251));
    for (const file of [seed('empty.txt', ''), seed('small.txt', 'text'), seed('large', large)])
      expect(readSeedFileSync(file).equals(await readSeedFile(file))).toBe(true);
  });

  it('throws for a file replaced since the scan', () => {
    const gone = { ...seed('gone.txt', 'x'), ino: -1 };
    expect(() => readSeedFileSync(gone)).toThrow(/Replaced since the folder was read/u);
  });
});
