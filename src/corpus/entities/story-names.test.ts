import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../../scripts/lib/corpora';
import { nodeTagger } from '../../../scripts/lib/ner/node-tagger';
import { parseFile } from '../parse-file';
import { analyzeStory } from './recognize';
import { storyNames } from './story-names';
import { story } from './test-story';

const tagger = nodeTagger();

describe('storyNames', () => {
  it('counts each name once per mention, most mentioned first, ties in reading order', () => {
    const a = analyzeStory(
      story([
        'Russian President Vladimir Putin met Kim Jong-un in Pyongyang.',
        'Putin thanked Kim. Later, in Pyongyang, Putin spoke again.',
      ]),
      tagger,
    );
    const names = storyNames(a.mentions);
    expect(names.map((n) => [n.entityId, n.count])).toEqual([
      ['person/vladimir-putin', 3],
      ['person/kim-jong-un', 2],
      ['place/pyongyang', 2],
    ]);
    // Every mention is counted exactly once.
    expect(names.reduce((n, x) => n + x.count, 0)).toBe(a.mentions.length);
  });

  it('on a seed story: one entry per name, counts that add up, never increasing', () => {
    const bytes = readFileSync(`${SEEDS_DIR}/002_54c47fb4e1efd86c.txt`);
    const main = parseFile({ fileId: '002', section: null, bytes }).stories[0]!;
    const { mentions } = analyzeStory(main, tagger);
    const names = storyNames(mentions);
    expect(new Set(names.map((n) => n.entityId)).size).toBe(names.length);
    expect(names.reduce((n, x) => n + x.count, 0)).toBe(mentions.length);
    for (let i = 1; i < names.length; i++)
      expect(names[i]!.count).toBeLessThanOrEqual(names[i - 1]!.count);
    expect(names.slice(0, 2).map((n) => n.entityId)).toEqual(
      expect.arrayContaining(['person/vladimir-putin', 'person/kim-jong-un']),
    );
    for (const n of names)
      expect(mentions.find((m) => m.entityId === n.entityId)?.type).toBe(n.type);
  });

  it('is empty for a story without names', () => {
    expect(storyNames([])).toEqual([]);
  });
});
