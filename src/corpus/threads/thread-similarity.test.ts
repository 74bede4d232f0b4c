import { describe, expect, it } from 'vitest';
import { SEEDS_DIR, loadFolder } from '../../../scripts/lib/corpora';
import { loadEntityIds } from '../../../scripts/lib/related-entities';
import { buildRelatedIndex } from '../related/related-index';
import { ledeTerms } from './lede-terms';
import {
  DEFAULT_SIMILARITY,
  eventShares,
  eventSimilarity,
  RELATED_SHARES,
  threadVectors,
} from './thread-similarity';

const PUTIN = '000_359807c817cdce2f';
const KIM = '002_54c47fb4e1efd86c';
// Two briefs that share "airport" and little else: a Chilean reunion and a Hong Kong crash.
const REUNION = '002_54c47fb4e1efd86c~2';
const CRASH = '003_94fd4063dbc03a91~2';

async function seeds() {
  const stories = loadFolder(SEEDS_DIR).stories;
  const index = buildRelatedIndex(stories, await loadEntityIds(stories));
  const vectors = threadVectors(index, DEFAULT_SIMILARITY, stories);
  const at = (id: string): number => index.storyIds.indexOf(id);
  return { stories, index, vectors, at };
}

describe('the lede', () => {
  it('is the headline and the first words of the text', () => {
    const story = loadFolder(SEEDS_DIR).stories.find((s) => s.id === PUTIN)!;
    const terms = ledeTerms(story, 25);
    // "Russian President Vladimir Putin yesterday hailed North Korea for “firmly supporting”
    // Moscow’s war in Ukraine ahead of a visit to Pyongyang set to boost defense ties …"
    expect(terms).toEqual(expect.arrayContaining(['putin', 'pyongyang', 'ukraine']));
    // "troops", in the second sentence (past the first 25 words), is the body's, not the lede's.
    expect(terms).not.toContain('troops');
  });

  it('reads on into the next paragraph when the first is short, and stops at the count', () => {
    const story = loadFolder(SEEDS_DIR).stories.find((s) => s.id === PUTIN)!;
    const first = story.paragraphs[0]!.split(/\s+/u).length;
    const terms = ledeTerms({ ...story, titleDerived: true }, first + 3);
    expect(terms).toHaveLength(first + 3);
    expect(terms.at(-1)).toBe('was');
  });

  it('does not count a title made from the lede twice', () => {
    const brief = loadFolder(SEEDS_DIR).stories.find((s) => s.id === CRASH)!;
    expect(brief.titleDerived).toBe(true);
    expect(ledeTerms(brief, 25)).toHaveLength(25);
  });
});

describe('event similarity on the seeds', () => {
  it('has unit-length fields, and no weight on words of time and reporting', async () => {
    const { index, vectors, at } = await seeds();
    const norms = [0, 0, 0];
    const d = at(PUTIN);
    for (let i = vectors.start[d]!; i < vectors.start[d + 1]!; i++) {
      norms[vectors.field[vectors.feature[i]!]!]! += vectors.weight[i]! ** 2;
    }
    for (const n of norms) expect(n).toBeCloseTo(1, 5);
    const said = index.features.indexOf('said');
    const yesterday = index.features.indexOf('yesterday');
    expect(yesterday).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < vectors.feature.length; i++) {
      expect(vectors.feature[i]! % index.features.length).not.toBe(yesterday);
      if (said >= 0) expect(vectors.feature[i]! % index.features.length).not.toBe(said);
    }
  });

  it('puts two stories of one event far above two briefs that share one word', async () => {
    const { vectors, at } = await seeds();
    const dense = new Float32Array(vectors.dims);
    const shares = eventShares();
    const same = eventSimilarity(vectors, at(PUTIN), at(KIM), dense, shares);
    const airport = eventSimilarity(vectors, at(REUNION), at(CRASH), dense, shares);
    expect(same).toBeGreaterThan(0.3);
    expect(airport).toBeLessThan(0.05);
    // Symmetric, and the dense buffer is left clean for the next call.
    expect(eventSimilarity(vectors, at(KIM), at(PUTIN), dense, shares)).toBeCloseTo(same, 6);
    expect(dense.every((x) => x === 0)).toBe(true);
  });

  it('weighs the fields by their shares: the related gate leaves the lede out', async () => {
    const { vectors, at } = await seeds();
    const dense = new Float32Array(vectors.dims);
    const ledeOnly = eventSimilarity(vectors, at(PUTIN), at(KIM), dense, [0, 0, 1]);
    const bodyOnly = eventSimilarity(vectors, at(PUTIN), at(KIM), dense, [1, 0, 0]);
    expect(ledeOnly).toBeGreaterThan(0);
    expect(RELATED_SHARES[2]).toBe(0);
    expect(eventShares().reduce<number>((a, b) => a + (b ?? 0), 0)).toBeCloseTo(1, 9);
    // Without the stories, rows have no lede field: the lede-only similarity is 0.
    const { index } = await seeds();
    const bare = threadVectors(index);
    expect(bare.dims).toBe(index.features.length);
    const bareDense = new Float32Array(bare.dims);
    expect(eventSimilarity(bare, at(PUTIN), at(KIM), bareDense, [0, 0, 1])).toBe(0);
    expect(eventSimilarity(bare, at(PUTIN), at(KIM), bareDense, [1, 0, 0])).toBeCloseTo(
      bodyOnly,
      6,
    );
  });
});
