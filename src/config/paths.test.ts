import { describe, expect, it } from 'vitest';
import { paths } from './paths';

describe('paths.story.idFromPath', () => {
  it('reads back the id of every story href, odd characters included', () => {
    for (const id of [
      '003_94fd4063dbc03a91~2',
      'business/001',
      'sub folder/naïve #1',
      'what#is?100%',
    ])
      expect(
        paths.story.idFromPath(paths.story.getHref(id, { paragraph: 3 }).split(/[?#]/u)[0]!),
      ).toBe(id);
  });

  it('is null for other pages and ignores a trailing slash', () => {
    expect(paths.story.idFromPath('/entity/person/putin')).toBeNull();
    expect(paths.story.idFromPath('/story/')).toBeNull();
    expect(paths.story.idFromPath('/story/business/001/')).toBe('business/001');
    expect(paths.story.idFromPath('/story/%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('paths.story.getHref with the library filter', () => {
  it('carries only the filter’s keys after the query, and reads back the same id', () => {
    const within = new URLSearchParams('section=world&entity=person/kim-jong-un&x=1&kind=brief');
    const href = paths.story.getHref('world/001', { query: 'kim jong', paragraph: 2, within });
    expect(href).toBe(
      '/story/world/001?q=kim%20jong&section=world&entity=person%2Fkim-jong-un&kind=brief#p2',
    );
    expect(paths.story.getHref('a', { within: new URLSearchParams('q=x') })).toBe('/story/a');
    expect(paths.story.idFromPath(href.split('?')[0]!)).toBe('world/001');
  });
});
