import { describe, expect, it } from 'vitest';
import { fromJsonLd, toJsonLd } from './json-ld';
import { readingFromJson, readingToApply } from './reading-export';
import type { ReadingEntry } from './types';

const entry = (storyId: string, updated: string, read = true): ReadingEntry => ({
  storyId,
  read,
  paragraph: 4,
  progress: 0.5,
  updated,
});
const opts = {
  storyUrl: (id: string) => `https://example.test/story/${id}`,
  label: 'Dispatch notebook',
  exported: '2026-11-30T12:00:00.000Z',
};

describe('reading state in the JSON-LD export', () => {
  it('round-trips, in story order, beside the annotations', () => {
    const reading = [
      entry('b/2', '2026-11-02T00:00:00.000Z'),
      entry('a/1', '2026-11-01T00:00:00.000Z', false),
    ];
    const doc = JSON.parse(JSON.stringify(toJsonLd([], { ...opts, reading })));
    expect(doc['dispatch:reading'].map((r: ReadingEntry) => r.storyId)).toEqual(['a/1', 'b/2']);
    const back = fromJsonLd(doc, { makeId: () => 'x', now: opts.exported });
    expect(back.annotations).toEqual([]);
    expect(back.reading).toEqual([reading[1], reading[0]]);
  });

  it('leaves it out when there is none, and reads none from other tools', () => {
    expect('dispatch:reading' in toJsonLd([], opts)).toBe(false);
    expect(readingFromJson({ type: 'AnnotationCollection' })).toEqual([]);
    expect(readingFromJson([{ type: 'Annotation' }])).toEqual([]);
  });

  it('skips unreadable records and clamps odd numbers', () => {
    const got = readingFromJson({
      'dispatch:reading': [
        { storyId: '', read: true, updated: '2026-11-01T00:00:00Z' },
        { storyId: 'a', read: 'yes', updated: '2026-11-01T00:00:00Z' },
        { storyId: 'b', read: true, updated: 'yesterday' },
        { storyId: 'c', read: false, paragraph: -3, progress: 7, updated: '2026-11-01T00:00:00Z' },
      ],
    });
    expect(got).toEqual([
      { storyId: 'c', read: false, paragraph: 0, progress: 0, updated: '2026-11-01T00:00:00Z' },
    ]);
  });

  it('an import takes a story’s record only over an older one here', () => {
    const local = new Map([
      ['a', entry('a', '2026-11-05T00:00:00.000Z')],
      ['b', entry('b', '2026-11-01T00:00:00.000Z')],
    ]);
    const imported = [
      entry('a', '2026-11-02T00:00:00.000Z', false),
      entry('b', '2026-11-03T00:00:00.000Z', false),
      entry('c', '2026-11-01T00:00:00.000Z'),
    ];
    expect(readingToApply(local, imported).map((r) => r.storyId)).toEqual(['b', 'c']);
  });
});
