import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renameTopFolder, syncTree, treeStateFile, type TreeFile } from './tree-sync';

const file = (p: string, text: string, hash = text): TreeFile => ({
  path: p,
  hash,
  data: () => Promise.resolve(text),
});

function setup() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tree-sync-'));
  const out = path.join(root, 'dist');
  const state = treeStateFile(path.join(root, 'cache'), out, 'story');
  const read = (p: string) => readFileSync(path.join(out, 'story', p), 'utf8');
  return { out, state, read };
}

describe('syncTree', () => {
  it('writes every file the first time, then only what changed, and removes what is gone', async () => {
    const { out, state, read } = setup();
    const first = await syncTree(
      out,
      'story',
      [file('a/index.html', 'A'), file('b/c/index.html', 'C'), file('d/index.html', 'D')],
      state,
    );
    expect(first).toEqual({ written: 3, kept: 0, removed: 0 });
    const mtime = statSync(path.join(out, 'story/a/index.html')).mtimeMs;

    const second = await syncTree(
      out,
      'story',
      [file('a/index.html', 'A'), file('b/c/index.html', 'C2'), file('e/index.html', 'E')],
      state,
    );
    expect(second).toEqual({ written: 2, kept: 1, removed: 1 });
    expect(statSync(path.join(out, 'story/a/index.html')).mtimeMs).toBe(mtime);
    expect(read('b/c/index.html')).toBe('C2');
    expect(read('e/index.html')).toBe('E');
    // The removed story's folder goes too, as a clean build would leave it.
    expect(existsSync(path.join(out, 'story/d'))).toBe(false);
  });

  it('rewrites what is missing on disk or was never recorded, whatever the record says', async () => {
    const { out, state, read } = setup();
    await syncTree(out, 'story', [file('a/index.html', 'A')], state);
    // The build folder emptied (`--emptyOutDir`, rm -rf dist) and a stray file left by hand.
    await syncTree(out, 'story', [], path.join(out, '..', 'other-state.json'));
    mkdirSync(path.join(out, 'story/x'), { recursive: true });
    writeFileSync(path.join(out, 'story/x/stray.html'), 'stray');
    const r = await syncTree(out, 'story', [file('a/index.html', 'A')], state);
    expect(r).toEqual({ written: 1, kept: 0, removed: 1 });
    expect(read('a/index.html')).toBe('A');
    expect(existsSync(path.join(out, 'story/x'))).toBe(false);
  });

  it('never writes outside its tree', async () => {
    const { out, state } = setup();
    const r = await syncTree(out, 'story', [file('../escape.html', 'X')], state);
    expect(r.written).toBe(0);
    expect(existsSync(path.join(out, 'escape.html'))).toBe(false);
  });

  it('links a file from a cache instead of copying it, and never writes through the link', async () => {
    const { out, state, read } = setup();
    const cached = path.join(out, '..', 'cached.bin');
    writeFileSync(cached, 'bytes');
    const linked = { ...file('a.bin', 'bytes'), linkFrom: cached };
    expect(await syncTree(out, 'story', [linked], state)).toEqual({
      written: 1,
      kept: 0,
      removed: 0,
    });
    expect(statSync(path.join(out, 'story/a.bin')).ino).toBe(statSync(cached).ino);
    // Another content at that path: written as a new file, the cache's left as it was.
    await syncTree(out, 'story', [file('a.bin', 'other')], state);
    expect(read('a.bin')).toBe('other');
    expect(readFileSync(cached, 'utf8')).toBe('bytes');
    // A source that cannot be linked: copied from `data`.
    const missing = { ...file('b.bin', 'B'), linkFrom: path.join(out, 'nowhere') };
    await syncTree(out, 'story', [missing], state);
    expect(read('b.bin')).toBe('B');
  });
});

describe('renameTopFolder', () => {
  it('moves a content-named set to its new name, so a sync keeps the files the sets share', async () => {
    const { out, state, read } = setup();
    const set = (name: string, files: [string, string][]) =>
      files.map(([p, text]) => file(`${name}/${p}`, text));
    await syncTree(
      out,
      'story',
      set('s1', [
        ['a', 'A'],
        ['b', 'B'],
        ['c', 'C'],
      ]),
      state,
    );
    const mtime = statSync(path.join(out, 'story/s1/a')).mtimeMs;
    expect(await renameTopFolder(out, 'story', 's2', state)).toBe(true);
    const r = await syncTree(
      out,
      'story',
      set('s2', [
        ['a', 'A'],
        ['b', 'B2'],
        ['d', 'D'],
      ]),
      state,
    );
    expect(r).toEqual({ written: 2, kept: 1, removed: 1 });
    expect(existsSync(path.join(out, 'story/s1'))).toBe(false);
    expect([read('s2/a'), read('s2/b'), read('s2/d')]).toEqual(['A', 'B2', 'D']);
    expect(existsSync(path.join(out, 'story/s2/c'))).toBe(false);
    // Kept: the same file, not written again.
    expect(statSync(path.join(out, 'story/s2/a')).mtimeMs).toBe(mtime);
  });

  it('moves nothing when the tree is not one folder, or the new name is taken', async () => {
    const { out, state } = setup();
    await syncTree(out, 'story', [file('s1/a', 'A'), file('s3/a', 'A')], state);
    expect(await renameTopFolder(out, 'story', 's2', state)).toBe(false);
    await syncTree(out, 'story', [file('s1/a', 'A')], state);
    mkdirSync(path.join(out, 'story/s2'));
    expect(await renameTopFolder(out, 'story', 's2', state)).toBe(false);
    expect(await renameTopFolder(out, 'story', 's1', state)).toBe(false);
    expect(existsSync(path.join(out, 'story/s1/a'))).toBe(true);
  });
});
