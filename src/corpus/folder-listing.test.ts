import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listTxt, SEEDS_DIR } from '../../scripts/lib/corpora';
import { rowOf } from './archive/listing';
import { folderListing, rowById, withFileStories, type RowCache } from './folder-listing';
import { orderStories, storyOrder } from './library';
import { parseFile } from './parse-file';
import type { ManifestFile, ParsedFile, Story } from './types';

function seedFolder(): { files: ManifestFile[]; parsed: Map<string, ParsedFile> } {
  const files: ManifestFile[] = listTxt(SEEDS_DIR).map((name) => ({
    id: name.replace(/\.txt$/u, ''),
    path: name,
    section: null,
    size: 0,
    hash: '',
  }));
  const parsed = new Map(
    files.map((f) => [
      f.id,
      parseFile({ fileId: f.id, section: null, bytes: readFileSync(`${SEEDS_DIR}/${f.path}`) }),
    ]),
  );
  return { files, parsed };
}

/** A one-story file whose title was derived from `lede` (no headline). */
function derivedFile(id: string, title: string, lede: string): ParsedFile {
  const story: Story = {
    id,
    fileId: id,
    section: null,
    kind: 'main',
    title,
    titleDerived: true,
    headline: null,
    kicker: null,
    kickerRaw: null,
    paragraphs: [lede, 'A second paragraph.'],
    credits: [],
    truncated: false,
    wordCount: 20,
    readingMinutes: 1,
  };
  return { fileId: id, section: null, stories: [story], encoding: 'utf-8', warnings: [] };
}

const manifestFile = (id: string): ManifestFile => ({
  id,
  path: `${id}.txt`,
  section: null,
  size: 0,
  hash: '',
});

describe('folderListing', () => {
  const { files, parsed } = seedFolder();

  it('is the library of the parsed folder as rows: its order, its titles, its excerpts', () => {
    const listing = folderListing(files, parsed);
    expect(listing.rows).toHaveLength(15);
    expect(listing.rows).toEqual(orderStories(files, parsed).map(rowOf));
    expect(listing.order).toEqual(storyOrder(files, parsed));
    expect(listing.rows.map((r) => r.id)).toEqual(listing.order);
    expect(listing.rows.filter((r) => r.kind === 'brief')).toHaveLength(12);
  });

  it('lists the files loaded so far, and a file not loaded yet by its main story in the order', () => {
    const first = files[0]!.id;
    const partial = new Map([[first, parsed.get(first)!]]);
    const listing = folderListing(files, partial, false);
    expect(listing.rows.map((r) => r.id)).toEqual([
      first,
      ...[1, 2, 3, 4].map((n) => `${first}~${n}`),
    ]);
    expect(listing.order).toEqual([...listing.rows.map((r) => r.id), files[1]!.id, files[2]!.id]);
  });

  it('makes derived titles distinct only when asked (the whole folder is in)', () => {
    const a = derivedFile('a', 'Rain fell', 'Rain fell. Then it stopped.');
    const b = derivedFile(
      'b',
      'Rain fell',
      'Rain fell on the capital, where the river rose. More.',
    );
    const folder = new Map([
      ['a', a],
      ['b', b],
    ]);
    const ids = [manifestFile('a'), manifestFile('b')];
    expect(folderListing(ids, folder, false).rows.map((r) => r.title)).toEqual([
      'Rain fell',
      'Rain fell',
    ]);
    const [first, second] = folderListing(ids, folder, true).rows;
    expect(first!.title).toBe('Rain fell');
    expect(second!.title).not.toBe('Rain fell');
    expect(second!.title.startsWith('Rain fell on the capital')).toBe(true);
  });

  it('keeps a story’s row across batches when given the same cache', () => {
    const cache: RowCache = new WeakMap();
    const first = files[0]!.id;
    const before = folderListing(files, new Map([[first, parsed.get(first)!]]), false, cache);
    const after = folderListing(files, parsed, false, cache);
    expect(after.rows[0]).toBe(before.rows[0]);
    expect(folderListing(files, parsed, false).rows[0]).not.toBe(before.rows[0]);
  });

  it('carries what parsing says about each file', () => {
    const noted = { ...parsed.get(files[1]!.id)!, warnings: ['Read as windows-1252.'] };
    const listing = folderListing(files, new Map([...parsed, [files[1]!.id, noted]]));
    expect(listing.notes).toEqual([{ fileId: files[1]!.id, message: 'Read as windows-1252.' }]);
  });
});

describe('withFileStories', () => {
  it('puts an opened file’s briefs in place of its main story', () => {
    const order = ['a', 'b', 'c'];
    expect(withFileStories(order, 'b', ['b', 'b~1', 'b~2'])).toEqual(['a', 'b', 'b~1', 'b~2', 'c']);
  });

  it('is the same array when the order already has them, or does not list the file', () => {
    const order = ['a', 'b', 'b~1', 'c'];
    expect(withFileStories(order, 'b', ['b', 'b~1'])).toBe(order);
    expect(withFileStories(order, 'z', ['z', 'z~1'])).toBe(order);
  });
});

describe('rowById', () => {
  it('finds a row by its story id, and nothing for an id not listed', () => {
    const { files, parsed } = seedFolder();
    const { rows } = folderListing(files, parsed);
    expect(rowById(rows, rows[3]!.id)).toBe(rows[3]);
    expect(rowById(rows, 'nope')).toBeUndefined();
  });
});
