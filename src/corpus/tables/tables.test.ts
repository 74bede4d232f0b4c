import { describe, expect, it } from 'vitest';
import { loadFolder, SEEDS_DIR } from '../../../scripts/lib/corpora';
import { nodeTagger } from '../../../scripts/lib/ner/node-tagger';
import { analyzeStory } from '../entities/recognize';
import type { StoryEntities } from '../entities/types';
import { keptPhrasePairs } from '../related/reasons';
import { relatedFor, RelatedLists } from '../related/related-query';
import type { Story } from '../types';
import { buildFolderTables } from './folder-tables';
import { relatedContext, storyRelated } from './story-related';
import { decodeTables, encodeTables, type TablesPack } from './tables-codec';

const tagger = nodeTagger();
const files = loadFolder(SEEDS_DIR).files;
const order: string[] = [];
const stories = new Map<string, Story>();
const analyses = new Map<string, StoryEntities>();
for (const f of files) {
  for (const s of f.stories) {
    order.push(s.id);
    stories.set(s.id, s);
    analyses.set(s.id, analyzeStory(s, tagger));
  }
}
const tables = buildFolderTables(order, stories, analyses);
const ctx = relatedContext(tables, stories);
/** As the build ships it (vite/tables-thread.ts): through JSON, each list the first five of the
 * story's neighbours, each story's phrases read once. */
const lists = new RelatedLists(tables.related, tables.neighbours);
const built = { ...ctx, pairsOf: keptPhrasePairs(stories.values()) };
const pack = JSON.parse(
  JSON.stringify(
    encodeTables(tables, 'fp-1', (id) => storyRelated(built, id, lists.get(order.indexOf(id)))),
  ),
) as TablesPack;

describe('the build’s folder-wide tables', () => {
  it('decode to the table, related lists and threads the worker builds', () => {
    const shipped = decodeTables(pack, 'fp-1')!;
    expect(shipped).toBeDefined();
    expect(shipped.table).toEqual(tables.table);
    expect(shipped.threads).toEqual(tables.threads);
    let listed = 0;
    for (const id of order) {
      // The worker asks relatedFor story by story and reads phrases from the text each time.
      const own = storyRelated(ctx, id, relatedFor(tables.related, id))!;
      const got = shipped.relatedOf(id)!;
      listed += got.related.length;
      expect({ ...got, related: got.related.map((h) => ({ ...h, score: 0 })) }).toEqual({
        ...own,
        related: own.related.map((h) => ({ ...h, score: 0 })),
      });
      got.related.forEach((h, i) => expect(h.score).toBeCloseTo(own.related[i]!.score, 3));
      const d = tables.related.storyIds.indexOf(id);
      expect(shipped.copyGroup(id)).toBe(tables.related.dupGroup[d]);
    }
    // The seeds do relate (else this test would prove little).
    expect(listed).toBeGreaterThan(0);
    expect(tables.table.entities.length).toBeGreaterThan(20);
    expect(shipped.relatedOf('no-such-story')).toBeNull();
  });

  it('are refused for another folder, other rules or a broken pack', () => {
    expect(decodeTables(pack, 'fp-2')).toBeUndefined();
    expect(decodeTables({ ...pack, analysis: 'older' }, 'fp-1')).toBeUndefined();
    expect(decodeTables({ ...pack, format: 0 }, 'fp-1')).toBeUndefined();
    const wrongStory = structuredClone(pack);
    wrongStory.threads.push([[0, 9999], 0, []]);
    expect(decodeTables(wrongStory, 'fp-1')).toBeUndefined();
    const wrongEntity = structuredClone(pack);
    wrongEntity.entities[0]![3] = [0];
    expect(decodeTables(wrongEntity, 'fp-1')).toBeUndefined();
  });

  it('keep each entity’s stories in the table’s order, mention counts included', () => {
    const shipped = decodeTables(pack, 'fp-1')!;
    const counted = tables.table.entities.filter((e) => e.stories.some((r) => r.count > 1));
    // Lists that mix counts (the `0, count` marks) are there to be decoded.
    expect(counted.some((e) => e.stories.some((r) => r.count === 1))).toBe(true);
    for (const e of counted)
      expect(shipped.table.entities.find((x) => x.id === e.id)!.stories).toEqual(e.stories);
  });

  it('leave out a related list that names a term the pack does not hold', () => {
    const broken = structuredClone(pack);
    const at = broken.related.findIndex((r) => r !== null && JSON.parse(r)[2].length > 0);
    const list = JSON.parse(broken.related[at]!) as [unknown, unknown, number[]];
    list[2][0] = broken.terms.length;
    broken.related[at] = JSON.stringify(list);
    const shipped = decodeTables(broken, 'fp-1')!;
    expect(shipped.relatedOf(broken.stories[at]!)).toBeNull();
    const other = broken.related.findIndex((r, i) => r !== null && i !== at);
    expect(shipped.relatedOf(broken.stories[other]!)).not.toBeNull();
  });
});
