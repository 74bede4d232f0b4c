import { describe, expect, it } from 'vitest';
import { seedStory } from '../../../scripts/lib/test-stories';
import {
  entitiesInParagraphs,
  filterAnnotations,
  groupByStory,
  type NotebookFilter,
} from './notebook-view';
import { placeAnnotations } from './place';
import { storyText } from './story-text';
import { annotate } from './test-annotation';

describe('the notebook view', () => {
  const story = seedStory();
  const other = seedStory('003_94fd4063dbc03a91');
  const st = storyText(story.paragraphs);
  const a1 = annotate(story.paragraphs, 'promised full support', {
    id: '1',
    storyId: story.id,
    created: '2025-11-01T00:00:00Z',
    note: 'Pyongyang’s line',
  });
  const a2 = annotate(story.paragraphs, 'Putin thanked Kim', {
    id: '2',
    storyId: story.id,
    created: '2025-11-03T00:00:00Z',
    color: 'pink',
  });
  const b1 = annotate(other.paragraphs, other.paragraphs[0]!.slice(0, 30), {
    id: '3',
    storyId: other.id,
    created: '2025-11-02T00:00:00Z',
    color: 'green',
  });
  const items = [
    ...placeAnnotations([a1, a2], st),
    ...placeAnnotations([b1], storyText(other.paragraphs)),
  ];
  const none: NotebookFilter = { colors: [], storyId: null, entityId: null, text: '' };
  const noEntities = () => [];

  it('groups by story, newest story first, newest highlight first', () => {
    const groups = groupByStory(items, (id) => (id === story.id ? 'Kim story' : undefined));
    expect(groups.map((g) => [g.title, g.items.map((i) => i.annotation.id)])).toEqual([
      ['Kim story', ['2', '1']],
      ['A title', ['3']],
    ]);
  });

  it('filters by colour, story and words in quote or note (accents and quotes folded)', () => {
    const ids = (f: Partial<NotebookFilter>) =>
      filterAnnotations(items, { ...none, ...f }, noEntities).map((i) => i.annotation.id);
    expect(ids({ colors: ['pink', 'green'] })).toEqual(['2', '3']);
    expect(ids({ storyId: other.id })).toEqual(['3']);
    expect(ids({ text: "pyongyang's" })).toEqual(['1']);
    expect(ids({ text: 'thanked KIM' })).toEqual(['2']);
    expect(ids({ text: 'thanked nobody' })).toEqual([]);
  });

  it('filters by an entity its paragraphs name', () => {
    const mentions = [
      { paragraph: 0, entityId: 'person/kim-jong-un' },
      { paragraph: 1, entityId: 'person/vladimir-putin' },
    ];
    expect(entitiesInParagraphs([0], mentions)).toEqual(['person/kim-jong-un']);
    const ids = filterAnnotations(items, { ...none, entityId: 'person/vladimir-putin' }, (i) =>
      i.annotation.id === '2' ? entitiesInParagraphs([1], mentions) : [],
    ).map((i) => i.annotation.id);
    expect(ids).toEqual(['2']);
  });
});
