import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BBC_DIR, loadFolder, SEEDS_DIR } from '../../../scripts/lib/corpora';
import { nodeTagger } from '../../../scripts/lib/ner/node-tagger';
import { buildEntityTable } from '../entities/entity-table';
import { analyzeStory } from '../entities/recognize';
import { isBinaryFile, parseFile } from '../parse-file';
import { runSteps } from '../run-steps';
import type { Story } from '../types';
import { entityIdsByStory } from './entity-input';
import { buildRelatedIndex, relatedIndexSteps } from './related-index';
import { DEFAULT_RELATED_OPTIONS, type RelatedOptions } from './related-options';
import { recordable, StoryCounts } from './story-counts';
import { TermCounts } from './term-counts';

type Folder = Story[][];

/**
 * Every file's record, made as a build of another folder would have: counted in `order`, or
 * each file alone. Copied out, as the cache's bytes are read back: nothing of the counts that
 * made them stays.
 */
function records(files: Folder, options: RelatedOptions, order?: number[]) {
  const counts = new StoryCounts(new TermCounts(options));
  const out: Uint8Array[] = [];
  for (const i of order ?? files.keys()) {
    const by = order ? counts : new StoryCounts(new TermCounts(options));
    out[i] = by.count(files[i]!).slice();
  }
  return out;
}

/**
 * The index over `files`, each file's counts replayed from its record but those `fresh` says
 * to count (a rebuild's edited files).
 */
function merged(
  files: Folder,
  recorded: Uint8Array[],
  options: RelatedOptions,
  entities?: Map<string, string[]>,
  fresh: (file: number) => boolean = () => false,
) {
  const counts = new StoryCounts(new TermCounts(options));
  files.forEach((stories, i) => {
    if (fresh(i)) counts.count(stories);
    else expect(counts.replay(recorded[i]!, stories.length)).toBe(true);
  });
  return runSteps(relatedIndexSteps(files.flat(), entities, options, counts.counts));
}

/** Made-up entities for text the recognizer would take too long on: capitalised words. */
function wordEntities(stories: Story[]): Map<string, string[]> {
  return new Map(
    stories.map((s) => [
      s.id,
      [...new Set(s.paragraphs.join(' ').match(/\b[A-Z][a-z]{3,}\b/gu) ?? [])]
        .slice(0, 20)
        .map((w) => `person/${w.toLowerCase()}`),
    ]),
  );
}

const seedFiles: Folder = loadFolder(SEEDS_DIR).files.map((f) => f.stories);
const first = seedFiles[0]![0]!;
const binary = parseFile({
  fileId: 'misc/photo',
  section: 'misc',
  bytes: Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256),
});

/**
 * BBC (98 groups of files with the same text), a binary file, a file whose stories repeat each
 * other and a story of another file, and a story with no text.
 */
function bbcFolder(): Folder {
  const bbc = loadFolder(BBC_DIR).files;
  const story = bbc[0]!.stories[0]!;
  return [
    ...bbc.slice(0, 1200).map((f) => f.stories),
    binary.stories,
    [
      { ...story, id: 'misc/again' },
      { ...story, id: 'misc/again~1', kind: 'brief' },
      { ...bbc[5]!.stories[0]!, id: 'misc/again~2', kind: 'brief' },
    ],
    [{ ...story, id: 'misc/empty', title: '', kicker: null, paragraphs: [] }],
    ...bbc.slice(1200).map((f) => f.stories),
  ];
}

describe('per-file related counts, replayed', () => {
  it('give the index of the seeds with their entities', () => {
    const stories = seedFiles.flat();
    const analyses = stories.map((s) => analyzeStory(s, nodeTagger()));
    const entities = entityIdsByStory(analyses, buildEntityTable(analyses).remap);
    expect([...entities.values()].flat().length).toBeGreaterThan(50);
    const options = DEFAULT_RELATED_OPTIONS;
    const expected = buildRelatedIndex(stories, entities);
    // Each file's record made alone, then in the reverse order of the folder.
    expect(merged(seedFiles, records(seedFiles, options), options, entities)).toEqual(expected);
    const reversed = records(seedFiles, options, [2, 1, 0]);
    expect(merged(seedFiles, reversed, options, entities)).toEqual(expected);
  });

  it.runIf(existsSync(BBC_DIR))(
    'give BBC’s index, with a binary file and repeated stories, when some files are counted again',
    () => {
      expect(isBinaryFile(binary)).toBe(true);
      const bbcFiles = bbcFolder();
      const stories = bbcFiles.flat();
      const entities = wordEntities(stories);
      const order = bbcFiles.map((_, i) => bbcFiles.length - 1 - i);
      for (const options of [
        DEFAULT_RELATED_OPTIONS,
        { ...DEFAULT_RELATED_OPTIONS, bigrams: true },
      ]) {
        const expected = buildRelatedIndex(stories, entities, options);
        // Exact duplicates found by their key over the text, whatever numbered the tokens.
        expect(expected.dupGroup.filter((g, d) => g >= 0 && g !== d).length).toBeGreaterThan(98);
        const recorded = records(bbcFiles, options, order);
        expect(merged(bbcFiles, recorded, options, entities)).toEqual(expected);
        // A rebuild: every seventh file edited (counted here), the rest from their records.
        expect(merged(bbcFiles, recorded, options, entities, (i) => i % 7 === 3)).toEqual(expected);
      }
    },
  );

  it('group exact copies too short to sign by their text, whoever counted them', () => {
    const short = (id: string, title: string): Story[] => [
      { ...first, id, title, titleDerived: false, kicker: null, paragraphs: [] },
    ];
    const files: Folder = [
      short('a', 'Rates rise'),
      ...seedFiles,
      short('b', 'Rates rise'),
      short('c', 'Shares fall'),
    ];
    const options = DEFAULT_RELATED_OPTIONS;
    const expected = buildRelatedIndex(files.flat(), undefined, options);
    const at = (id: string) => expected.storyIds.indexOf(id);
    expect(expected.dupGroup[at('b')]).toBe(at('a'));
    expect(expected.dupGroup[at('c')]).toBe(-1);
    // Each record made alone numbers its tokens from 0: "Rates rise" and "Shares fall" alike.
    const index = merged(files, records(files, options), options, undefined, (i) => i === 0);
    expect(index).toEqual(expected);
  });

  it('refuse a record that does not fit, and leave the counts as they were', () => {
    const options = DEFAULT_RELATED_OPTIONS;
    const [record] = records(seedFiles.slice(0, 1), options);
    const counts = new TermCounts(options);
    const files = new StoryCounts(counts);
    const stories = seedFiles[0]!.length;
    expect(files.replay(record!, stories + 1)).toBe(false);
    expect(files.replay(record!.subarray(0, record!.length - 3), stories)).toBe(false);
    expect(files.replay(new Uint8Array(0), stories)).toBe(false);
    expect(counts.size).toBe(0);
    expect(counts.vocab.features).toEqual([]);
    expect(files.replay(record!, stories)).toBe(true);
    expect(counts.size).toBe(stories);
  });

  it('are made only where a record stands for the counting', () => {
    expect(recordable(DEFAULT_RELATED_OPTIONS)).toBe(true);
    expect(recordable({ ...DEFAULT_RELATED_OPTIONS, bigrams: true })).toBe(true);
    // Stems label features by their tokens' counts; a title worth 1.5 makes counts fractional.
    expect(recordable({ ...DEFAULT_RELATED_OPTIONS, stem: true })).toBe(false);
    expect(recordable({ ...DEFAULT_RELATED_OPTIONS, titleBoost: 1.5 })).toBe(false);
    expect(
      () => new StoryCounts(new TermCounts({ ...DEFAULT_RELATED_OPTIONS, stem: true })),
    ).toThrow();
  });
});
