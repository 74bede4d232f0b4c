import { execFileSync } from 'node:child_process';
import {
  lstat,
  mkdir,
  mkdtemp,
  realpath,
  rename,
  rm,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_OUTSIDE } from './folder-entry.ts';
import {
  readSeedFile,
  readSeedFileSync,
  RefusedFileError,
  type SeedFile,
} from './read-seed-file.ts';
import { scanSeeds } from './scan-seeds.ts';

const MARKER = 'OUTSIDE-MARKER-scan-seeds-test';

/**
 * A folder received from someone else: next to two articles it holds links out of the folder (to
 * a file and to a folder), links that stay inside, a FIFO and a socket named like articles, a
 * broken link, a link to itself, a link back to the folder, and a folder named like an article.
 * Special files are made by the OS's own tools, so these tests run where those exist (not Windows).
 */
describe.skipIf(process.platform === 'win32')('scanSeeds on a folder nobody curated', () => {
  let base: string;
  let dir: string;
  let outside: string;
  let socket: Server;

  beforeAll(async () => {
    base = await realpath(await mkdtemp(path.join(tmpdir(), 'dispatch-scan-')));
    dir = path.join(base, 'folder');
    outside = path.join(base, 'outside');
    await mkdir(path.join(outside, 'more'), { recursive: true });
    await writeFile(path.join(outside, 'secret.txt'), `Secret\n\n${MARKER} from outside.`);
    await writeFile(path.join(outside, 'more', 'other.txt'), `Other\n\n${MARKER} again.`);
    execFileSync('mkfifo', [path.join(outside, 'pipe.txt')]);

    await mkdir(path.join(dir, 'sub'), { recursive: true });
    await mkdir(path.join(dir, 'drafts.d'), { recursive: true });
    await mkdir(path.join(dir, 'folder.txt'), { recursive: true });
    await writeFile(path.join(dir, 'a.txt'), 'Alpha\n\nThe first story.');
    await writeFile(path.join(dir, 'sub', 'b.txt'), 'Beta\n\nThe second story.');
    await writeFile(path.join(dir, 'drafts.d', 'c.md'), 'Gamma\n\nOnly reachable by a link.');
    await writeFile(path.join(dir, 'folder.txt', 'inner.txt'), 'Inner\n\nIn a folder named .txt.');
    await symlink('../outside/secret.txt', path.join(dir, 'linked.txt'));
    await symlink(path.join(outside, 'more'), path.join(dir, 'linked-dir'));
    await symlink('../outside/pipe.txt', path.join(dir, 'linked-pipe.txt'));
    await symlink('a.txt', path.join(dir, 'inside.txt'));
    await symlink('drafts.d/c.md', path.join(dir, 'gamma.txt'));
    await symlink('sub', path.join(dir, 'inside-dir'));
    await symlink('..', path.join(dir, 'sub', 'up'));
    await symlink('missing.txt', path.join(dir, 'broken.txt'));
    await symlink('loop.txt', path.join(dir, 'loop.txt'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    socket = createServer();
    await new Promise<void>((resolve) => socket.listen(path.join(dir, 'socket.txt'), resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => socket.close(resolve));
    await rm(base, { recursive: true, force: true });
  });

  it('reads only regular files inside the folder, and says why it skipped each other entry', async () => {
    const { manifest, sources } = await scanSeeds(dir);
    expect(manifest.files.map((f) => f.path)).toEqual([
      'a.txt',
      'folder.txt/inner.txt',
      'sub/b.txt',
      // Reached only through a link that stays inside: read, under the link's name.
      'gamma.txt',
    ]);
    expect(Object.fromEntries(manifest.warnings.map((w) => [w.path, w.message]))).toEqual({
      'broken.txt': 'Broken link: its target does not exist.',
      'drafts.d/c.md': 'Not a .txt file: ignored.',
      'linked-dir': LINK_OUTSIDE,
      'linked-pipe.txt': LINK_OUTSIDE,
      'linked.txt': LINK_OUTSIDE,
      'loop.txt': 'Link loop: not read.',
      'pipe.txt': 'Not a regular file (a named pipe): not read.',
      'socket.txt': 'Not a regular file (a socket): not read.',
      'inside-dir': 'Same folder as sub: read once, under that name.',
      'inside.txt': 'Same file as a.txt: read once, under that name.',
      'sub/up': 'The seeds folder itself (a loop): not read again.',
    });
    expect(manifest.warnings).toHaveLength(11);
    expect(sources.get('gamma.txt')?.path).toBe(path.join(dir, 'drafts.d', 'c.md'));
    expect(JSON.stringify(manifest)).not.toContain(base);
  });

  it('follows links out of the folder when asked to, and still opens no special file', async () => {
    const { manifest } = await scanSeeds(dir, { followLinks: true });
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toContain('linked.txt');
    expect(paths).toContain('linked-dir/other.txt');
    const notes = Object.fromEntries(manifest.warnings.map((w) => [w.path, w.message]));
    expect(notes['pipe.txt']).toMatch(/^Not a regular file/u);
    expect(notes['linked-pipe.txt']).toMatch(/^Not a regular file/u);
    expect(notes['socket.txt']).toMatch(/^Not a regular file/u);
    expect(Object.values(notes)).not.toContain(LINK_OUTSIDE);
  });

  it('a folder reached through links is walked once, so link loops end', async () => {
    // From `sub`, its link `up` (to the parent) leads out of the folder: not followed.
    const { manifest } = await scanSeeds(path.join(dir, 'sub'));
    expect(manifest.files.map((f) => f.path)).toEqual(['b.txt']);
    expect(manifest.warnings).toEqual([{ path: 'up', message: LINK_OUTSIDE }]);
    // Followed, the parent holds `sub` itself, its link `inside-dir` and `sub/up` again.
    const followed = await scanSeeds(path.join(dir, 'sub'), { followLinks: true });
    const notes = followed.manifest.warnings.map((w) => `${w.path}: ${w.message}`);
    expect(notes).toContain('up/sub: The seeds folder itself (a loop): not read again.');
    expect(notes).toContain('up/inside-dir: The seeds folder itself (a loop): not read again.');
    expect(notes).toContain('up/inside.txt: Same file as up/a.txt: read once, under that name.');
    expect(followed.manifest.files.map((f) => f.path)).toContain('up/a.txt');
    expect(followed.manifest.files.map((f) => f.path)).not.toContain('up/sub/b.txt');
  });
});

describe.skipIf(process.platform === 'win32').each([
  ['readSeedFile', readSeedFile],
  // The threads' reader: the same answers, as a promise here so one set of checks reads both.
  ['readSeedFileSync', (f: SeedFile) => Promise.resolve().then(() => readSeedFileSync(f))],
])('%s after the scan', (_, readSeedFile) => {
  let base: string;
  /** What the scan records of a regular file. */
  const scanned = async (p: string) => {
    const info = await lstat(p);
    return { path: p, dev: info.dev, ino: info.ino };
  };
  beforeAll(async () => {
    base = await realpath(await mkdtemp(path.join(tmpdir(), 'dispatch-read-')));
    await mkdir(path.join(base, 'outside'));
    await writeFile(path.join(base, 'outside', 'a.txt'), MARKER);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('reads the file the scan saw', async () => {
    await writeFile(path.join(base, 'plain.txt'), 'Plain');
    const file = await scanned(path.join(base, 'plain.txt'));
    expect((await readSeedFile(file)).toString()).toBe('Plain');
  });

  it('refuses a file swapped for a FIFO at once, instead of waiting for a writer', async () => {
    const p = path.join(base, 'fifo.txt');
    await writeFile(p, 'Soon a FIFO');
    const file = await scanned(p);
    await unlink(p);
    execFileSync('mkfifo', [p]);
    await expect(readSeedFile(file)).rejects.toBeInstanceOf(RefusedFileError);
  }, 5_000);

  it('refuses a file swapped for a link', async () => {
    const p = path.join(base, 'link.txt');
    await writeFile(p, 'Soon a link');
    const file = await scanned(p);
    await unlink(p);
    await symlink('outside/a.txt', p);
    await expect(readSeedFile(file)).rejects.toBeInstanceOf(RefusedFileError);
  });

  it('refuses a file whose folder was swapped for a link out', async () => {
    await mkdir(path.join(base, 'section'));
    await writeFile(path.join(base, 'section', 'a.txt'), 'Inside');
    const file = await scanned(path.join(base, 'section', 'a.txt'));
    await rename(path.join(base, 'section'), path.join(base, 'section-old'));
    await symlink('outside', path.join(base, 'section'));
    await expect(readSeedFile(file)).rejects.toBeInstanceOf(RefusedFileError);
  });
});
