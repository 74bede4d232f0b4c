import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bbc, hasBbc, seeds } from '../scripts/lib/search-corpora';
import { buildChunks } from '../src/corpus/search/chunks/build-chunks';
import { packIndex } from '../src/corpus/search/index-pack';
import { buildSearchIndex } from '../src/corpus/search/search-index';
import type { SearchIndex } from '../src/corpus/search/types';
import type { Story } from '../src/corpus/types';
import { IndexAssembler } from './index-assembler';
import { decodePart, encodePart, partOf } from './index-part';

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

/**
 * The folder's index as the chunks thread puts it together on a rebuild: each file's own index
 * through the per-file cache's bytes (encoded, then read back from a misaligned copy, as a view
 * into a segment may be), except the files in `fresh`, appended as built.
 */
function assembled(files: readonly Story[][], fresh = new Set<number>()) {
  const folder = new IndexAssembler();
  files.forEach((stories, i) => {
    const part = partOf(buildSearchIndex(stories));
    let from = part;
    if (!fresh.has(i)) {
      const bytes = encodePart(part);
      const shifted = new Uint8Array(bytes.length + 1);
      shifted.set(bytes, 1);
      from = decodePart(i % 2 ? bytes : shifted.subarray(1));
    }
    if (!folder.add(from)) folder.addStories(stories);
  });
  return folder.finish();
}

const sha = (b: Uint8Array | Uint16Array | Uint32Array) =>
  createHash('sha256')
    .update(new Uint8Array(b.buffer, b.byteOffset, b.byteLength))
    .digest('hex');

/**
 * What identifies an index: its packed form (index-pack.ts: terms, docs, every token list and
 * postings list), its integer lists by hash (a deep equality of millions of numbers took minutes).
 */
function fingerprint(index: SearchIndex) {
  const { ints, lengths, ...rest } = packIndex(index);
  return { ...rest, ints: `${ints.constructor.name} ${sha(ints)}`, lengths: sha(lengths) };
}

/** The chunk files cut from an index, by name: their hashes. */
function chunkHashes(index: SearchIndex): Map<string, string> {
  return new Map([...buildChunks(index).files].map(([name, bytes]) => [name, sha(bytes)]));
}

describe('IndexAssembler: the folder’s index from per-file parts read back from the cache', () => {
  it('equals the index buildSearchIndex makes over all the stories, and cuts the same chunks', () => {
    const files = byFile(seeds().stories);
    expect(files.length).toBeGreaterThan(1);
    const whole = buildSearchIndex(files.flat());
    const index = assembled(files, new Set([1]));
    expect(fingerprint(index)).toEqual(fingerprint(whole));
    expect(chunkHashes(index)).toEqual(chunkHashes(whole));
  });

  it('skips a story indexed already, as addStories does', () => {
    const [first, second, ...rest] = byFile(seeds().stories);
    // The second file repeats the first file's first story, and one of its own.
    const files = [first!, [...second!, first![0]!, second![0]!], ...rest];
    const whole = buildSearchIndex(files.flat());
    expect(whole.docs.length).toBe(files.flat().length - 2);
    expect(fingerprint(assembled(files))).toEqual(fingerprint(whole));
  });

  it('reads back a part as it was written, and refuses bytes of another layout', () => {
    const part = partOf(buildSearchIndex(byFile(seeds().stories)[0]!));
    const back = decodePart(encodePart(part));
    expect({ ...back, tokens: [...back.tokens] }).toEqual({ ...part, tokens: [...part.tokens] });
    const bytes = encodePart(part);
    expect(() => decodePart(bytes.subarray(0, bytes.length - 4))).toThrow(/wrong length/u);
    const other = bytes.slice();
    other[0] = 9;
    expect(() => decodePart(other)).toThrow(/another layout/u);
  });

  it.skipIf(!hasBbc())('equals it on BBC, duplicates included', () => {
    const files = byFile(bbc().stories);
    const whole = buildSearchIndex(files.flat());
    const index = assembled(files, new Set([0, 7, 100]));
    expect(fingerprint(index)).toEqual(fingerprint(whole));
    expect(chunkHashes(index)).toEqual(chunkHashes(whole));
  });
});
