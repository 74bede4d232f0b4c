import { describe, expect, it } from 'vitest';
import { loadFolder, SEEDS_DIR } from '../scripts/lib/corpora';
import { firstPasses } from '../src/corpus/related/first-pass';
import { buildRelatedIndex } from '../src/corpus/related/related-index';
import { firstPassesOnThreads } from './first-passes';

describe('first passes on two threads', () => {
  it('are the first passes of one thread', async () => {
    const index = buildRelatedIndex(loadFolder(SEEDS_DIR).stories);
    // The seeds are far below the folder size that takes a second thread: ask for one anyway.
    expect(await firstPassesOnThreads(index, 0)).toEqual(firstPasses(index));
  });
});
