import { describe, expect, it } from 'vitest';
import { buildEntityTable } from '../entities/entity-table';
import type { EntityType, Mention, StoryEntities } from '../entities/types';
import type { Story } from '../types';
import { entitySentences } from './entity-sentences';

/** A story whose paragraphs name entities where `names` says (paragraph, surface, id, from). */
function story(id: string, paragraphs: string[], names: [number, string, string, number?][]) {
  const mentions: Mention[] = names.map(([paragraph, text, entityId, from = 0]) => {
    const start = paragraphs[paragraph]!.indexOf(text, from);
    const type = entityId.slice(0, entityId.indexOf('/')) as EntityType;
    return { paragraph, start, end: start + text.length, type, entityId, text };
  });
  const analysis: StoryEntities = { storyId: id, mentions };
  return { story: { id, paragraphs } as Story, analysis };
}

const a = story(
  'a',
  ['Vladimir Putin met Kim Jong-un in Moscow. Putin praised him, and Putin left.', 'Nothing else.'],
  [
    [0, 'Vladimir Putin', 'person/vladimir-putin'],
    [0, 'Kim Jong-un', 'person/kim-jong-un'],
    [0, 'Putin', 'person/putin', 30],
    [0, 'Putin', 'person/putin', 50],
  ],
);
const b = story('b', ['In Moscow, Putin spoke.'], [[0, 'Putin', 'person/putin']]);

describe('the archive’s entity sentences', () => {
  const stories = new Map([a, b].map((s) => [s.story.id, s.story]));
  const analyses = new Map([a, b].map((s) => [s.analysis.storyId, s.analysis]));
  const table = buildEntityTable([a.analysis, b.analysis]);

  it('list each sentence naming the entity once, short forms included, stories most named first', () => {
    const out = entitySentences(table, analyses, (id) => stories.get(id), 20);
    expect(table.remap['person/putin']).toBe('person/vladimir-putin');
    expect(out['person/vladimir-putin']).toEqual([
      ['a', 1, 'Vladimir Putin met Kim Jong-un in Moscow.', [0, 14]],
      // Named twice in one sentence: listed once, both marked.
      ['a', 1, 'Putin praised him, and Putin left.', [0, 5, 23, 28]],
      ['b', 1, 'In Moscow, Putin spoke.', [11, 16]],
    ]);
    expect(out['person/kim-jong-un']).toEqual([
      ['a', 1, 'Vladimir Putin met Kim Jong-un in Moscow.', [19, 30]],
    ]);
  });

  it('stop at the cap', () => {
    const out = entitySentences(table, analyses, (id) => stories.get(id), 2);
    expect(out['person/vladimir-putin']).toHaveLength(2);
  });
});
