import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanSeeds } from './scan-seeds.ts';
import { storySummaries } from './story-summaries.ts';

describe('storySummaries’ cache', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dispatch-summaries-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = (name: string, text: string) => writeFile(path.join(dir, 'folder', name), text);
  const summarize = async (cacheFile: string) => {
    const { manifest, sources } = await scanSeeds(path.join(dir, 'folder'));
    return storySummaries(manifest.files, sources, cacheFile);
  };

  it('is written when a file was parsed or dropped, and left as it is otherwise', async () => {
    await mkdir(path.join(dir, 'folder'));
    await write('a.txt', 'Bridge opens\n\nThe bridge opened on Monday.\n\nTraffic was light.');
    await write('b.txt', 'Council votes\n\nThe council voted on Tuesday.');
    const cacheFile = path.join(dir, 'cache', 'summaries.json');
    const first = await summarize(cacheFile);
    expect(first.reparsed).toBe(2);
    const written = await readFile(cacheFile, 'utf8');

    // Nothing changed: every story from the cache, and the file not written again (a marker
    // added to it stays; the same entries reformatted read the same).
    const marked = JSON.stringify(JSON.parse(written), null, 1);
    await writeFile(cacheFile, marked);
    const again = await summarize(cacheFile);
    expect(again.reparsed).toBe(0);
    expect(again.parsed).toEqual(first.parsed);
    expect(await readFile(cacheFile, 'utf8')).toBe(marked);

    // An edit: parsed again and the cache rewritten with the new entry.
    await write('b.txt', 'Council delays vote\n\nThe council put off its vote.');
    const edited = await summarize(cacheFile);
    expect(edited.reparsed).toBe(1);
    expect(edited.parsed.get('b')!.stories[0]!.title).toBe('Council delays vote');
    const afterEdit = JSON.parse(await readFile(cacheFile, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(afterEdit)).toHaveLength(2);

    // A file removed: nothing parsed, but its entry is dropped from the file.
    await rm(path.join(dir, 'folder', 'a.txt'));
    const removed = await summarize(cacheFile);
    expect(removed.reparsed).toBe(0);
    expect([...removed.parsed.keys()]).toEqual(['b']);
    const afterRemove = JSON.parse(await readFile(cacheFile, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(afterRemove)).toHaveLength(1);
  });
});
