import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BBC_DIR, loadFolder, SEEDS_DIR } from '../../../scripts/lib/corpora';
import { analyzeStory } from '../entities/recognize';
import { buildEntityTable } from '../entities/entity-table';
import { parseText } from '../parse-file';
import type { Story } from '../types';
import { tokenize } from '../normalize';
import { entityIdsByStory } from './entity-input';
import { Vocabulary } from './features';
import { buildRelatedIndex, relatedIndexSteps } from './related-index';
import { allRelated, relatedFor } from './related-query';
import { distinguishingTerms } from './related-why';
import { nodeTagger } from '../../../scripts/lib/ner/node-tagger';

const tagger = nodeTagger();

const seeds = loadFolder(SEEDS_DIR).stories;
// The app's configuration: terms plus the recognizer's entities.
const analyses = seeds.map((s) => analyzeStory(s, tagger));
const seedEntities = entityIdsByStory(analyses, buildEntityTable(analyses).remap);
const seedIndex = buildRelatedIndex(seeds, seedEntities);
const text = (s: Story): string => [s.title, ...s.paragraphs].join('\n');
const ids = (storyId: string, k = 5): string[] =>
  relatedFor(seedIndex, storyId, k).related.map((h) => h.storyId);

describe('the related index in steps', () => {
  it('yields every few dozen stories and ends with the same index as one build', () => {
    const steps = relatedIndexSteps(seeds, seedEntities);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(4);
    expect(r.value).toEqual(seedIndex);
  });
});

describe('related stories on the seeds', () => {
  it('relates the three Putin–Pyongyang main stories to each other first', () => {
    const putin = seeds
      .filter((s) => s.kind === 'main' && /Putin/u.test(text(s)) && /Pyongyang/u.test(text(s)))
      .map((s) => s.id);
    expect(putin).toEqual(['000_359807c817cdce2f', '002_54c47fb4e1efd86c', '003_94fd4063dbc03a91']);
    for (const id of putin) {
      expect(new Set(ids(id).slice(0, 2))).toEqual(new Set(putin.filter((x) => x !== id)));
    }
  });

  it('relates the two Trump briefs to each other first', () => {
    const trump = seeds
      .filter((s) => s.kind === 'brief' && /Trump/u.test(text(s)))
      .map((s) => s.id);
    expect(trump).toEqual(['000_359807c817cdce2f~3', '002_54c47fb4e1efd86c~3']);
    expect(ids(trump[0]!)[0]).toBe(trump[1]);
    expect(ids(trump[1]!)[0]).toBe(trump[0]);
  });

  it('relates the China–Taiwan briefs to each other', () => {
    // The subject is named by the issue; the test checks the parsed briefs are about it.
    const taiwan = ['000_359807c817cdce2f~1', '000_359807c817cdce2f~2', '000_359807c817cdce2f~4'];
    for (const id of taiwan) {
      const story = seeds.find((s) => s.id === id)!;
      expect(story.kind).toBe('brief');
      expect(text(story)).toMatch(/Taiwan/u);
      expect(text(story)).toMatch(/China|Chinese|Beijing/u);
    }
    for (const id of taiwan) {
      const others = taiwan.filter((x) => x !== id);
      expect(others).toContain(ids(id).find((x) => x.includes('~')));
      expect(
        ids(id)
          .slice(0, 2)
          .some((x) => others.includes(x)),
      ).toBe(true);
    }
  });

  it('explains hits with shared terms and gives distinguishing terms a search box takes', () => {
    const [hit] = relatedFor(seedIndex, '000_359807c817cdce2f').related;
    expect(hit?.sharedTerms).toEqual(expect.arrayContaining(['putin']));
    expect(hit?.sharedEntities).toEqual(expect.arrayContaining(['person/vladimir-putin']));
    const [trump] = relatedFor(seedIndex, '000_359807c817cdce2f~3').related;
    expect(trump?.sharedEntities).toContain('person/donald-trump');
    const termsOnly = relatedFor(buildRelatedIndex(seeds), '000_359807c817cdce2f').related;
    expect(termsOnly.every((h) => h.sharedEntities.length === 0)).toBe(true);
    const terms = distinguishingTerms(seedIndex, '000_359807c817cdce2f', 6);
    expect(terms).toHaveLength(6);
    expect(terms.some((t) => ['pyongyang', 'putin'].includes(t))).toBe(true);
    for (const t of terms) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it('never relates a story to itself, respects k and orders by score, deterministically', () => {
    const again = allRelated(buildRelatedIndex(seeds, seedEntities), 3);
    for (const s of seeds) {
      for (const k of [0, 1, 3, 20]) {
        const { related } = relatedFor(seedIndex, s.id, k);
        expect(related.length).toBeLessThanOrEqual(k);
        expect(related.map((h) => h.storyId)).not.toContain(s.id);
        for (let i = 1; i < related.length; i++)
          expect(related[i - 1]!.score).toBeGreaterThanOrEqual(related[i]!.score);
      }
      expect(again.get(s.id)).toEqual(relatedFor(seedIndex, s.id, 3));
    }
  });

  it('gives the same lists for one id per mention and one id per distinct entity', () => {
    // The worker passes each story's distinct canonical ids; entityIdsByStory one per mention.
    const distinct = new Map([...seedEntities].map(([id, list]) => [id, [...new Set(list)]]));
    expect(
      [...distinct.values()].some((l, i) => l.length < [...seedEntities.values()][i]!.length),
    ).toBe(true);
    expect(allRelated(buildRelatedIndex(seeds, distinct))).toEqual(allRelated(seedIndex));
  });

  it('folds words exactly as the shared tokenizer does (its fast path caches each raw word)', () => {
    const vocab = new Vocabulary({ bigrams: false, stem: false }, () => 0);
    const texts = seeds.flatMap((s) => [s.title, ...s.paragraphs]);
    texts.push(
      'Kim Jong-un’s U.S. trip: don’t “quote” CAFÉ café 習近平 AI模型 12.5% Putin’s Putin',
      "a.b. c'd '' x.. .x 1.2.3 ½ x² 𝐀bc 😀ok e\u0301t\u00e9 rock'n'roll O’Neill’s end.",
    );
    for (const text of texts) {
      const ids: number[] = [];
      vocab.tokenize(text, ids);
      expect(ids.map((i) => vocab.tokens[i])).toEqual(tokenize(text).map((t) => t.term));
    }
  });

  it('survives structuredClone (worker messages, IndexedDB)', () => {
    const copy = structuredClone(seedIndex);
    expect(relatedFor(copy, '002_54c47fb4e1efd86c')).toEqual(
      relatedFor(seedIndex, '002_54c47fb4e1efd86c'),
    );
  });

  it('lists a lightly edited copy as a duplicate, never as related', () => {
    const original = seeds.find((s) => s.id === '002_54c47fb4e1efd86c')!;
    const edited = original.paragraphs.map((p, i) =>
      i === 3 ? p.replace(/Russia/u, 'Moscow') : p,
    );
    edited.splice(6, 1);
    const copy = parseText({ fileId: 'copy', section: null, text: edited.join('\n') }).stories[0]!;
    const index = buildRelatedIndex([...seeds, copy], seedEntities);
    const r = relatedFor(index, copy.id);
    expect(r.duplicates).toEqual([original.id]);
    expect(r.related.map((h) => h.storyId)).not.toContain(original.id);
    expect(relatedFor(index, original.id).duplicates).toEqual([copy.id]);
    expect(r.related.length).toBe(5);
  });
});

// The corpus lives beside the repository (../shared/corpora): a clone elsewhere skips these.
describe.runIf(existsSync(BBC_DIR))('related stories on the BBC folder', () => {
  let bbc: Story[] = [];
  let all: ReturnType<typeof allRelated> = new Map();
  beforeAll(() => {
    bbc = loadFolder(BBC_DIR).stories;
    all = allRelated(buildRelatedIndex(bbc), 5);
  });

  it('never lists an exact duplicate as related, and lists it as a duplicate', () => {
    const groups = new Map<string, string[]>();
    for (const s of bbc) {
      const h = createHash('sha256').update(text(s)).digest('hex');
      groups.set(h, [...(groups.get(h) ?? []), s.id]);
    }
    const dupGroups = [...groups.values()].filter((g) => g.length > 1);
    expect(dupGroups.length).toBeGreaterThanOrEqual(90);
    for (const g of dupGroups) {
      for (const id of g) {
        const r = all.get(id)!;
        expect(r.duplicates).toEqual(expect.arrayContaining(g.filter((x) => x !== id)));
        for (const h of r.related) expect(g).not.toContain(h.storyId);
      }
    }
    for (const [id, r] of all) {
      expect(r.related).toHaveLength(5);
      for (const h of r.related) expect(r.duplicates).not.toContain(h.storyId);
      expect(r.related.map((h) => h.storyId)).not.toContain(id);
    }
  });
});
