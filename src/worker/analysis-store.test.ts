import { describe, expect, it } from 'vitest';
import { parseText } from '../corpus/parse-file';
import type { StoryEntities } from '../corpus/entities/types';
import { AnalysisStore } from './analysis-store';
import { PrebuiltNames } from './prebuilt-names';
import type { FileEntry } from './protocol';

const TEXT = 'Kirby meets Putin\n\nJohn Kirby said Vladimir Putin flew to Pyongyang.';

function entry(fileId: string): FileEntry {
  return { file: parseText({ fileId, section: null, text: TEXT }), hash: 'same-text' };
}

describe('AnalysisStore.takeFiles', () => {
  it('gives identical texts at two paths their own story ids from one cached entry', () => {
    const a = entry('a/story');
    const b = entry('b/story');
    // The content-keyed cache holds whichever file wrote last: here b's.
    const cached: StoryEntities[] = [
      {
        storyId: 'b/story',
        mentions: [
          {
            paragraph: 0,
            start: 0,
            end: 10,
            type: 'person',
            entityId: 'person/john-kirby',
            text: 'John Kirby',
          },
        ],
      },
    ];
    const store = new AnalysisStore(new PrebuiltNames());
    const { toAnalyse, fromCache } = store.takeFiles([a, b], [cached, cached]);
    expect(toAnalyse).toEqual([]);
    expect(fromCache).toBe(2);
    expect(store.get('a/story')?.mentions).toEqual(cached[0]!.mentions);
    expect(store.get('b/story')?.mentions).toEqual(cached[0]!.mentions);
  });
});
