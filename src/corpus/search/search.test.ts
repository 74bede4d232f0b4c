import { beforeAll, describe, expect, it } from 'vitest';
import { bbc, hasBbc, recognizeEntities, seeds } from '../../../scripts/lib/search-corpora';
import { entityLookupReady, entityLookupSteps, setEntities } from './entities';
import { search } from './search';
import { buildSearchIndex } from './search-index';
import type { SearchIndex } from './types';

let seedIndex: SearchIndex;
let seedIndexNoEntities: SearchIndex;
const PUTIN_VISIT = '000_359807c817cdce2f';
const KIM_MEETS_PUTIN = '002_54c47fb4e1efd86c';
const READY_TO_GREET = '003_94fd4063dbc03a91';
const TARIFF_BRIEF = '000_359807c817cdce2f~3';

beforeAll(async () => {
  const stories = seeds().stories;
  seedIndex = buildSearchIndex(stories);
  seedIndexNoEntities = buildSearchIndex(stories);
  const entities = await recognizeEntities(stories);
  if (entities) setEntities(seedIndex, entities);
});

const ids = (index: SearchIndex, q: string): string[] =>
  search(index, q).stories.map((s) => s.storyId);

describe('matching', () => {
  it('forgives typos', () => {
    expect(ids(seedIndex, 'balistic missles')).toEqual(
      expect.arrayContaining([PUTIN_VISIT, READY_TO_GREET]),
    );
    expect(ids(seedIndex, 'pyongyan')).toContain(PUTIN_VISIT);
    expect(ids(seedIndex, 'semiconducter tarif')[0]).toBe(TARIFF_BRIEF);
    const r = search(seedIndex, 'balistic missles');
    expect(r.expandedTerms).toEqual(expect.arrayContaining(['ballistic', 'missiles']));
    expect(r.partial).toBe(false);
  });

  it('matches the word being typed as a prefix, and stops when a space follows', () => {
    expect(ids(seedIndex, 'semicond')[0]).toBe(TARIFF_BRIEF);
    expect(ids(seedIndex, 'semicond ')).toEqual([]);
  });

  it('is case-, diacritic-, punctuation- and quote-insensitive', () => {
    const want = ids(seedIndex, 'Kim Jong-un');
    expect(want).toContain(KIM_MEETS_PUTIN);
    expect(ids(seedIndex, 'kim jong un ')).toEqual(ids(seedIndex, 'KIM JONG‐UN '));
    expect(ids(seedIndex, 'kîm jöng ún ')[0]).toBe(KIM_MEETS_PUTIN);
    expect(ids(seedIndex, '"ready to greet"')).toEqual(ids(seedIndex, '“ready to greet”'));
    expect(ids(seedIndex, 'Kim Jong-un’s')).toEqual(ids(seedIndex, "Kim Jong-un's"));
  });

  it('ANDs words, and falls back to the most words matched, saying so', () => {
    const and = search(seedIndex, 'putin kirby ');
    expect(and.partial).toBe(false);
    expect(and.stories.map((s) => s.storyId)).toEqual([PUTIN_VISIT]);
    const some = search(seedIndex, 'putin kirby zzzqqq ');
    expect(some.partial).toBe(true);
    expect(some.stories[0]!.storyId).toBe(PUTIN_VISIT);
    expect(some.stories[0]!.missing).toEqual(['zzzqqq']);
    expect(some.stories[0]!.matched).toBe(2);
    expect(some.stories.at(-1)!.matched).toBe(1);
  });

  it('matches exact phrases only in order', () => {
    expect(ids(seedIndex, '"north korean troops"')).toEqual([PUTIN_VISIT]);
    expect(ids(seedIndex, '"troops north korean"')).toEqual([]);
  });

  it('drops excluded words', () => {
    const r = ids(seedIndex, 'putin -kirby');
    expect(r).not.toContain(PUTIN_VISIT);
    expect(r).toContain(KIM_MEETS_PUTIN);
    expect(ids(seedIndex, 'putin -"state media"')).toEqual([KIM_MEETS_PUTIN]);
  });

  it('finds CJK text', () => {
    expect(ids(seedIndex, '卓榮泰')).toEqual([TARIFF_BRIEF]);
    expect(ids(seedIndex, '深度求索')).toEqual(['000_359807c817cdce2f~4']);
  });

  it('handles words longer than Fuse’s 32-character pattern limit', () => {
    const long = 'semiconductorsemiconductorsemiconductor';
    expect(() => search(seedIndex, long)).not.toThrow();
    expect(ids(seedIndex, 'semiconductor industry collaborative projects private')).toEqual([
      TARIFF_BRIEF,
    ]);
    expect(ids(seedIndex, 'semiconducter industri colaborative projekts privat')[0]).toBe(
      TARIFF_BRIEF,
    );
  });

  it('survives hostile input', () => {
    for (const q of [
      '.*(',
      '\\',
      '[',
      '-',
      '""',
      'person:',
      '😀',
      '\ud800',
      'a'.repeat(10_000),
      '(?<=x)',
    ]) {
      const r = search(seedIndex, q);
      expect(r.notes.filter((n) => n.startsWith('internal'))).toEqual([]);
    }
  });
});

describe('filters', () => {
  it('person:/place:/org: match entity names, case-insensitively and with quotes', () => {
    expect(ids(seedIndex, 'person:"kim jong-un"').sort()).toEqual(
      [PUTIN_VISIT, KIM_MEETS_PUTIN, READY_TO_GREET].sort(),
    );
    expect(ids(seedIndex, 'person:takaichi')).toEqual(['003_94fd4063dbc03a91~4']);
    expect(ids(seedIndex, 'person:takaichy')).toEqual(['003_94fd4063dbc03a91~4']);
    expect(ids(seedIndex, 'place:okinawa')).toEqual(['000_359807c817cdce2f~2']);
    expect(ids(seedIndex, 'org:"liberal democratic"')).toEqual(['003_94fd4063dbc03a91~4']);
    expect(ids(seedIndex, 'person:rubio china')).toEqual(['000_359807c817cdce2f~1']);
    expect(ids(seedIndex, 'person:putin kirby')).toEqual([PUTIN_VISIT]);
  });

  it('without entity data, entity filters match the text and say so', () => {
    const r = search(seedIndexNoEntities, 'person:takaichi');
    expect(r.stories.map((s) => s.storyId)).toEqual(['003_94fd4063dbc03a91~4']);
    expect(r.notes.join()).toMatch(/no entity data/u);
  });

  it.runIf(hasBbc())('section: keeps one folder', () => {
    const index = buildSearchIndex(bbc().stories);
    const r = search(index, 'section:tech apple', { limit: 50 });
    expect(r.stories.length).toBeGreaterThan(3);
    expect(r.stories.every((s) => s.section === 'tech')).toBe(true);
  });
});

describe('results', () => {
  it('shows the entity a filter names', () => {
    expect(search(seedIndex, 'person:takaichi').entities[0]?.name).toBe('Sanae Takaichi');
  });

  it('groups entities whose names match', () => {
    const r = search(seedIndex, 'putin');
    expect(r.entities[0]?.name).toBe('Vladimir Putin');
    expect(r.entities[0]?.highlights).toEqual([[9, 14]]);
  });

  it('leaves the names out while their lookup is not built, when asked to, and not filters', async () => {
    const index = buildSearchIndex(seeds().stories);
    setEntities(index, (await recognizeEntities(seeds().stories))!);
    const early = search(index, 'putin', { namesIfReady: true });
    expect(early.entities).toEqual([]);
    expect(early.stories.map((s) => s.storyId)).toContain(PUTIN_VISIT);
    // A filter needs the lookup: it is built for it, and the names come with it from then on.
    expect(search(index, 'person:takaichi', { namesIfReady: true }).entities[0]?.name).toBe(
      'Sanae Takaichi',
    );
    expect(search(index, 'putin', { namesIfReady: true }).entities[0]?.name).toBe('Vladimir Putin');
  });

  it('builds the names lookup a step at a time; a query half-way finishes it', async () => {
    const stories = seeds().stories;
    const real = (await recognizeEntities(stories))!;
    // Enough names for several steps (a step takes 1,000): the real ones, then made-up ones.
    const many = [
      ...real,
      ...Array.from({ length: 2500 }, (_, i) => ({
        id: `person/filler-${i}`,
        name: `Filler Person${i}`,
        type: 'person' as const,
        aliases: [],
        storyIds: [stories[i % stories.length]!.id],
      })),
    ];
    const atOnce = buildSearchIndex(stories);
    setEntities(atOnce, many);
    const stepped = buildSearchIndex(stories);
    setEntities(stepped, many);
    const steps = entityLookupSteps(stepped);
    steps.next();
    steps.next();
    expect(entityLookupReady(stepped)).toBe(false);
    const names = (index: SearchIndex, q: string) => search(index, q).entities.map((e) => e.id);
    for (const q of ['putin', 'kim jong', 'person:takaichi', 'person12', 'pyongyan'])
      expect(names(stepped, q)).toEqual(names(atOnce, q));
    expect(entityLookupReady(stepped)).toBe(true);
    expect(steps.next().done).toBe(true);
    let count = 0;
    const fresh = buildSearchIndex(stories);
    setEntities(fresh, many);
    for (const it = entityLookupSteps(fresh); !it.next().done;) count++;
    expect(count).toBeGreaterThanOrEqual(3);
    expect(names(fresh, 'putin')).toEqual(names(atOnce, 'putin'));
  });

  it('offers names for plain words, typos and the word being typed', () => {
    const names = (q: string) => search(seedIndex, q).entities.map((e) => e.name);
    expect(names('kim jong')).toEqual(['Kim Jong-un', 'Kim Yo-jong']);
    expect(names('pyongyan')).toEqual(['Pyongyang']);
    expect(search(seedIndex, 'kim jong').entities[0]).toMatchObject({
      id: 'person/kim-jong-un',
      type: 'person',
      storyCount: 3,
    });
    // Names matching a small part of the query are left out ("UN" for the "un" of Jong-un).
    expect(names('kim jong-un ')).toEqual(['Kim Jong-un', 'Kim Yo-jong']);
  });

  it('gives paragraph sub-results with 1-based numbers and highlights inside the snippet', () => {
    const r = search(seedIndex, 'kirby', { paragraphsPerStory: 2 });
    const hit = r.stories[0]!;
    expect(hit.storyId).toBe(PUTIN_VISIT);
    expect(hit.paragraphs.map((p) => p.paragraph)).toEqual([16]);
    const s = hit.snippet!;
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['Kirby']);
  });
});

describe.runIf(hasBbc())('ranking on the BBC folder', () => {
  let index: SearchIndex;
  beforeAll(() => {
    index = buildSearchIndex(bbc().stories);
  });

  it('ranks title matches above body matches', () => {
    const r = search(index, 'mourinho ');
    const first = index.docs.find((d) => d.id === r.stories[0]!.storyId)!;
    expect(first.title.toLowerCase()).toContain('mourinho');
  });

  it('ranks exact above fuzzy', () => {
    const r = search(index, 'brown ', { limit: 200 });
    const firstFuzzy = r.stories.findIndex(
      (s) =>
        !/brown/iu.test(s.title + index.docs.find((d) => d.id === s.storyId)!.paragraphs.join(' ')),
    );
    expect(firstFuzzy === -1 || firstFuzzy > 20).toBe(true);
    const typo = search(index, 'chelsae ');
    expect(typo.stories[0]!.title.toLowerCase()).toContain('chelsea');
  });

  it('ranks more words matched above fewer', () => {
    const r = search(index, 'gordon brown budget zzzz ', { limit: 100 });
    expect(r.partial).toBe(true);
    const matched = r.stories.map((s) => s.matched);
    expect(matched).toEqual([...matched].sort((a, b) => b - a));
    expect(matched[0]).toBe(3);
  });
});
