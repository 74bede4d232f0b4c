import { describe, expect, it } from 'vitest';
import { SEEDS_DIR, loadFolder } from '../../../scripts/lib/corpora';
import { loadEntityIds } from '../../../scripts/lib/related-entities';
import { buildRelatedIndex } from '../related/related-index';
import { storyNeighbours } from '../related/related-query';
import { buildThreads, DEFAULT_THREADS, mentionedEntities } from './build-threads';
import { threadVectors, type ThreadVectors } from './thread-similarity';

const PYONGYANG = ['000_359807c817cdce2f', '002_54c47fb4e1efd86c', '003_94fd4063dbc03a91'];
// The briefs that may form threads of their own (fixtures/threads/seeds-threads.json).
const TRUMP = ['000_359807c817cdce2f~3', '002_54c47fb4e1efd86c~3'];
const CHINA_TAIWAN = ['000_359807c817cdce2f~1', '000_359807c817cdce2f~3', '000_359807c817cdce2f~4'];

describe('threads on the seeds', () => {
  it('puts the three Pyongyang stories in one thread and leaves the briefs alone', async () => {
    const stories = loadFolder(SEEDS_DIR).stories;
    const entities = await loadEntityIds(stories);
    const index = buildRelatedIndex(stories, entities);
    const vectors = threadVectors(index, DEFAULT_THREADS, stories, entities);
    expect(vectors.mentions).toBe(true);
    const { threads, threadOf } = buildThreads(index, storyNeighbours(index, 20), vectors);
    const t = threads.find((x) => x.storyIds.includes(PYONGYANG[0]!));
    expect(t!.storyIds).toEqual(PYONGYANG);
    expect(t!.id).toBe(PYONGYANG[0]);
    expect(PYONGYANG).toContain(t!.central);
    expect(t!.entities).toEqual(
      expect.arrayContaining(['person/vladimir-putin', 'place/north-korea']),
    );
    for (const other of threads.filter((x) => x !== t)) {
      const allowed = [TRUMP, CHINA_TAIWAN].some((g) =>
        other.storyIds.every((id) => g.includes(id)),
      );
      expect(allowed, other.storyIds.join(' ')).toBe(true);
    }
    for (const s of stories)
      if (!PYONGYANG.includes(s.id)) expect(threadOf[s.id]).not.toBe(threadOf[PYONGYANG[0]!]);
  });

  it('is deterministic', async () => {
    const stories = loadFolder(SEEDS_DIR).stories;
    const entities = await loadEntityIds(stories);
    const index = buildRelatedIndex(stories, entities);
    const a = buildThreads(
      index,
      storyNeighbours(index, 20),
      threadVectors(index, DEFAULT_THREADS, stories, entities),
    );
    const b = buildThreads(
      index,
      storyNeighbours(index, 20),
      threadVectors(index, DEFAULT_THREADS, stories, entities),
    );
    expect(a).toEqual(b);
  });
});

describe('the names a thread is about', () => {
  it('ranks the names by their weight in the stories, not by how many stories name them', () => {
    const base = 10;
    const field = new Uint8Array(base + 3).fill(0, 0, base).fill(3, base);
    // Stories 0–2: "US" in all three with little weight, "Yukos" in two with much, "Houston" in one.
    const vectors: ThreadVectors = {
      start: Uint32Array.from([0, 2, 4, 6]),
      feature: Uint32Array.from([base, base + 1, base, base + 1, base, base + 2]),
      weight: Float32Array.from([0.1, 0.9, 0.1, 0.8, 0.2, 0.9]),
      dims: base + 3,
      field,
      mentions: true,
      mentionBase: base,
      entityIds: ['place/us', 'organization/yukos', 'place/houston'],
    };
    expect(mentionedEntities(vectors, [0, 1, 2])).toEqual(['organization/yukos', 'place/us']);
  });
});
