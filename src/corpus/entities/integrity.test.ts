import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BBC_DIR, SEEDS_DIR, loadFolder } from '../../../scripts/lib/corpora';
import type { Story } from '../types';
import { analyzeStory } from './recognize';
import { nodeTagger } from '../../../scripts/lib/ner/node-tagger';

const tagger = nodeTagger();

function checkMentions(stories: Story[]): number {
  let checked = 0;
  for (const story of stories) {
    const { storyId, mentions } = analyzeStory(story, tagger);
    expect(storyId).toBe(story.id);
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i]!;
      const paragraph = story.paragraphs[m.paragraph];
      expect(paragraph).toBeDefined();
      expect(m.text).toBe(paragraph!.slice(m.start, m.end));
      expect(m.text.length).toBeGreaterThan(0);
      expect(m.entityId.startsWith(`${m.type}/`)).toBe(true);
      const prev = mentions[i - 1];
      // Sorted by (paragraph, start) and never overlapping.
      if (prev && prev.paragraph === m.paragraph) expect(m.start).toBeGreaterThanOrEqual(prev.end);
      if (prev) expect(prev.paragraph).toBeLessThanOrEqual(m.paragraph);
      checked++;
    }
  }
  return checked;
}

describe('mentions are exact, sorted and disjoint', () => {
  it('on every seed story', () => {
    expect(checkMentions(loadFolder(SEEDS_DIR).stories)).toBeGreaterThan(100);
  });

  it.skipIf(!existsSync(BBC_DIR))(
    'on every BBC story',
    () => {
      expect(checkMentions(loadFolder(BBC_DIR).stories)).toBeGreaterThan(10_000);
    },
    60_000,
  );

  it('is deterministic', () => {
    const [s] = loadFolder(SEEDS_DIR).stories;
    expect(analyzeStory(s!, tagger)).toEqual(analyzeStory(s!, tagger));
  });
});
