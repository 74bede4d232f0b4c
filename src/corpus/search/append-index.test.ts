import { describe, expect, it } from 'vitest';
import { bbc, hasBbc, seeds } from '../../../scripts/lib/search-corpora';
import type { Story } from '../types';
import { addStories, appendIndex, buildSearchIndex, createSearchIndex } from './search-index';

/** The stories of a folder grouped by file, in folder order. */
function byFile(stories: readonly Story[]): Story[][] {
  const files = new Map<string, Story[]>();
  for (const s of stories) {
    const list = files.get(s.fileId) ?? [];
    list.push(s);
    files.set(s.fileId, list);
  }
  return [...files.values()];
}

/** The index built file by file from per-file indexes read back as JSON (as the build's cache). */
function appended(files: readonly Story[][]) {
  const index = createSearchIndex();
  for (const f of files) {
    const part = JSON.parse(JSON.stringify(buildSearchIndex(f))) as ReturnType<
      typeof buildSearchIndex
    >;
    expect(appendIndex(index, part)).toBe(true);
  }
  return index;
}

describe('appendIndex: a folder’s index from per-file indexes', () => {
  it('equals the index addStories builds over the same stories (seeds)', () => {
    const files = byFile(seeds().stories);
    expect(files.length).toBeGreaterThan(1);
    const whole = createSearchIndex();
    for (const f of files) addStories(whole, f);
    expect(JSON.stringify(appended(files))).toBe(JSON.stringify(whole));
  });

  it.skipIf(!hasBbc())('equals it on BBC, duplicates included', () => {
    const files = byFile(bbc().stories);
    expect(JSON.stringify(appended(files))).toBe(JSON.stringify(buildSearchIndex(files.flat())));
  });

  it('appends nothing when a story of the part is indexed already', () => {
    const [first, second] = byFile(seeds().stories);
    const index = buildSearchIndex(first!);
    const before = JSON.stringify(index);
    expect(appendIndex(index, buildSearchIndex([...second!, first![0]!]))).toBe(false);
    expect(JSON.stringify(index)).toBe(before);
    expect(appendIndex(index, buildSearchIndex(second!))).toBe(true);
    expect(index.docs.length).toBe(first!.length + second!.length);
  });
});
