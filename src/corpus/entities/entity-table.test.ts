import { describe, expect, it } from 'vitest';
import { buildEntityTable } from './entity-table';
import { analyzeStory } from './recognize';
import { story } from './test-story';
import { nodeTagger } from '../../../scripts/lib/ner/node-tagger';

const tagger = nodeTagger();

describe('buildEntityTable', () => {
  it('merges a short form of one story into the full name of another', () => {
    const a = analyzeStory(
      story(['Russian President Vladimir Putin yesterday hailed North Korea.'], 'a'),
      tagger,
    );
    const b = analyzeStory(story(['“We know the risks,” Putin wrote in an article.'], 'b'), tagger);
    expect(b.mentions.map((m) => m.entityId)).toEqual(['person/putin']);
    const { entities, remap } = buildEntityTable([a, b]);
    expect(remap).toEqual({ 'person/putin': 'person/vladimir-putin' });
    const putin = entities.find((e) => e.id === 'person/vladimir-putin')!;
    expect(putin.name).toBe('Vladimir Putin');
    expect(putin.aliases).toEqual(['Putin']);
    expect(putin.stories).toEqual([
      { storyId: 'a', count: 1 },
      { storyId: 'b', count: 1 },
    ]);
    expect(putin.mentionCount).toBe(2);
  });

  it('keeps an ambiguous short form apart', () => {
    const a = analyzeStory(story(['North Korean leader Kim Jong-un spoke.'], 'a'), tagger);
    const b = analyzeStory(story(['His sister, Kim Yo-jong, spoke too.'], 'b'), tagger);
    const c = analyzeStory(story(['A statement said Kim would travel.'], 'c'), tagger);
    const { remap } = buildEntityTable([a, b, c]);
    expect(remap['person/kim']).toBeUndefined();
  });

  it('keeps acronyms and Chinese characters as aliases of the long form', () => {
    const a = analyzeStory(
      story([
        'Japan’s ruling Liberal Democratic Party (LDP) signed a deal. The LDP said so.',
        'Premier Cho Jung-tai (卓榮泰) said yesterday.',
      ]),
      tagger,
    );
    const { entities } = buildEntityTable([a]);
    const ldp = entities.find((e) => e.id === 'organization/liberal-democratic-party')!;
    expect(ldp.aliases).toEqual(['LDP']);
    expect(ldp.mentionCount).toBe(3);
    const cho = entities.find((e) => e.id === 'person/cho-jung-tai')!;
    expect(cho.name).toBe('Cho Jung-tai');
    expect(cho.aliases).toEqual(['卓榮泰']);
  });
});

describe('one name, one type across the folder', () => {
  const mention = (id: string, text: string) => ({
    paragraph: 0,
    start: 0,
    end: text.length,
    type: id.slice(0, id.indexOf('/')) as 'place',
    entityId: id,
    text,
  });
  it('joins a minority type to the one the folder mostly gives the name', () => {
    const analyses = [
      { storyId: 'a', mentions: [mention('place/google', 'Google')] },
      ...['b', 'c', 'd', 'e'].map((storyId) => ({
        storyId,
        mentions: [mention('organization/google', 'Google')],
      })),
    ];
    const { entities, remap } = buildEntityTable(analyses);
    expect(remap).toEqual({ 'place/google': 'organization/google' });
    expect(entities.map((e) => [e.id, e.mentionCount])).toEqual([['organization/google', 5]]);
  });

  it('keeps a balanced split apart', () => {
    const analyses = ['a', 'b', 'c', 'd'].map((storyId, i) => ({
      storyId,
      mentions: [mention(i % 2 ? 'place/washington' : 'person/washington', 'Washington')],
    }));
    expect(buildEntityTable(analyses).remap).toEqual({});
  });
});
