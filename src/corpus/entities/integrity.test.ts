import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BBC_DIR, SEEDS_DIR, loadFolder } from '../../../scripts/lib/corpora';
import type { Story } from '../types';
import { analyzeStory } from './recognize';
import { nodeTagger } from '../../../scripts/lib/ner/node-tagger';

const tagger = nodeTagger();

/**
 * Every broken rule, as readable lines (empty when all hold). Plain checks rather than one
 * `expect` per rule and mention: the BBC folder has ~57,000 mentions, and its ~340,000 `expect`
 * calls were ~3 s of the test's ~10 s of CPU.
 */
function mentionProblems(stories: Story[]): { checked: number; problems: string[] } {
  let checked = 0;
  const problems: string[] = [];
  for (const story of stories) {
    const { storyId, mentions } = analyzeStory(story, tagger);
    if (storyId !== story.id) problems.push(`${story.id}: analysed as ${storyId}`);
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i]!;
      const at = () => `${story.id} #${i} ${JSON.stringify(m)}`;
      const paragraph = story.paragraphs[m.paragraph];
      if (paragraph === undefined) problems.push(`${at()}: no such paragraph`);
      else if (m.text !== paragraph.slice(m.start, m.end))
        problems.push(`${at()}: text is ${JSON.stringify(paragraph.slice(m.start, m.end))} there`);
      if (m.text.length === 0) problems.push(`${at()}: empty`);
      if (!m.entityId.startsWith(`${m.type}/`))
        problems.push(`${at()}: id does not match its type`);
      const prev = mentions[i - 1];
      // Sorted by (paragraph, start) and never overlapping.
      if (prev && prev.paragraph === m.paragraph && m.start < prev.end)
        problems.push(`${at()}: overlaps or precedes the previous mention`);
      if (prev && prev.paragraph > m.paragraph) problems.push(`${at()}: paragraphs out of order`);
      checked++;
    }
  }
  return { checked, problems };
}

function checkMentions(stories: Story[]): number {
  const { checked, problems } = mentionProblems(stories);
  expect(problems.slice(0, 20)).toEqual([]);
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
