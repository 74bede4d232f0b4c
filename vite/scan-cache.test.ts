import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, realpath, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RACY_MS } from './scan-cache.ts';
import { scanSeeds } from './scan-seeds.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * The scan's stat cache: a file is taken from it only when device, inode, size, mtime and ctime
 * all match, and every scan's manifest is the one a scan without a cache makes.
 */
describe.skipIf(process.platform === 'win32')('scanSeeds with its stat cache', () => {
  let base: string;
  let cacheDir: string;
  /** One folder per case, so each case's counts are its own. */
  const folder = (name: string) => path.join(base, name);
  const texts = { 'a.txt': 'Alpha\n\nOne.', 'sub/b.txt': 'Beta\n\nTwo.', 'c.txt': 'Gamma\n\nSix.' };

  const scanBoth = async (dir: string) => {
    const cached = await scanSeeds(dir, { cacheDir });
    const plain = await scanSeeds(dir);
    expect(cached.manifest.files).toEqual(plain.manifest.files);
    return cached;
  };

  beforeAll(async () => {
    base = await realpath(await mkdtemp(path.join(tmpdir(), 'dispatch-scan-cache-')));
    cacheDir = path.join(base, 'cache');
    for (const name of ['same', 'in-place', 'renamed', 'removed']) {
      for (const [rel, text] of Object.entries(texts)) {
        await mkdir(path.dirname(path.join(folder(name), rel)), { recursive: true });
        await writeFile(path.join(folder(name), rel), text);
      }
    }
    // Files changed just before a scan are hashed again the next time (RACY_MS): these are
    // settled once that long has passed.
    await new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));
  }, 30_000);

  afterAll(() => rm(base, { recursive: true, force: true }));

  it('reads no file of an unchanged folder the second time', async () => {
    const first = await scanBoth(folder('same'));
    expect(first.cached).toEqual({ known: 0, hashed: 3 });
    const second = await scanBoth(folder('same'));
    expect(second.cached).toEqual({ known: 3, hashed: 0 });
    expect(second.manifest.files.map((f) => f.hash)).toEqual(
      ['a.txt', 'c.txt', 'sub/b.txt'].map((rel) => sha(texts[rel as keyof typeof texts])),
    );
  });

  it('hashes again a file rewritten in place, even at the same size and mtime', async () => {
    const dir = folder('in-place');
    await scanBoth(dir);
    const file = path.join(dir, 'c.txt');
    const before = await stat(file);
    await writeFile(file, 'Gamma\n\nTen.'); // same length
    await utimes(file, before.atime, before.mtime); // moves the ctime, not back
    const after = await scanBoth(dir);
    expect(after.cached).toEqual({ known: 2, hashed: 1 });
    expect(after.manifest.files.find((f) => f.path === 'c.txt')?.hash).toBe(sha('Gamma\n\nTen.'));
  });

  it('hashes again a file replaced by a rename, even at the same size and mtime', async () => {
    const dir = folder('renamed');
    await scanBoth(dir);
    const file = path.join(dir, 'sub', 'b.txt');
    const before = await stat(file);
    const tmp = path.join(dir, 'sub', '.b.txt.new');
    await writeFile(tmp, 'Beta\n\nTwo!');
    await utimes(tmp, before.atime, before.mtime);
    await rename(tmp, file);
    const after = await scanBoth(dir);
    expect(after.cached).toEqual({ known: 2, hashed: 1 });
    const b = after.manifest.files.find((f) => f.path === 'sub/b.txt');
    expect(b?.hash).toBe(sha('Beta\n\nTwo!'));
    // Changed just now: not trusted yet, so read once more.
    expect((await scanBoth(dir)).cached).toEqual({ known: 2, hashed: 1 });
  });

  it('forgets a removed file, and a file put back is read again', async () => {
    const dir = folder('removed');
    await scanBoth(dir);
    await rm(path.join(dir, 'a.txt'));
    const without = await scanBoth(dir);
    expect(without.cached).toEqual({ known: 2, hashed: 0 });
    expect(without.manifest.files.map((f) => f.path)).toEqual(['c.txt', 'sub/b.txt']);
    await writeFile(path.join(dir, 'a.txt'), texts['a.txt']);
    expect((await scanBoth(dir)).cached).toEqual({ known: 2, hashed: 1 });
  });

  it('keeps nothing without a cache folder', async () => {
    expect((await scanSeeds(folder('same'))).cached).toBeUndefined();
  });
});
