/**
 * Quality of related stories. BBC sections are weak ground truth: precision@5 is the share of
 * the listed stories in the story's own section, averaged over all stories. Printed next to the
 * plain TF-IDF cosine baseline computed in the same run, with and without entities (when
 * src/corpus/entities has landed), then the seed stories' lists for a look by eye.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildRelatedIndex } from '../src/corpus/related/related-index';
import type { RelatedOptions } from '../src/corpus/related/related-options';
import { buildThreads, DEFAULT_THREADS } from '../src/corpus/threads/build-threads';
import { shownRelated } from '../src/corpus/threads/shown-related';
import { threadVectors } from '../src/corpus/threads/thread-similarity';
import {
  allRelated,
  relatedFor,
  RelatedLists,
  storyNeighbours,
} from '../src/corpus/related/related-query';
import type { Story } from '../src/corpus/types';
import { BBC_DIR, loadFolder, ROOT, SEEDS_DIR } from './lib/corpora';
import { baselineRelated } from './lib/related-baseline';
import { loadEntityIds } from './lib/related-entities';

const K = 5;

function precision(stories: Story[], lists: Map<string, string[]>): { p: number; empty: number } {
  const section = new Map(stories.map((s) => [s.id, s.section]));
  let sum = 0;
  let empty = 0;
  for (const s of stories) {
    const list = lists.get(s.id) ?? [];
    if (list.length === 0) {
      empty++;
      continue;
    }
    sum += list.filter((id) => section.get(id) === s.section).length / list.length;
  }
  return { p: sum / (stories.length - empty), empty };
}

function ours(
  stories: Story[],
  entities: Map<string, string[]> | undefined,
  options: Partial<RelatedOptions>,
) {
  const t0 = performance.now();
  const index = buildRelatedIndex(stories, entities, options);
  const all = allRelated(index, K);
  const ms = performance.now() - t0;
  const lists = new Map([...all].map(([id, r]) => [id, r.related.map((h) => h.storyId)]));
  const dupStories = [...all.values()].filter((r) => r.duplicates.length > 0).length;
  return { ...precision(stories, lists), ms, dupStories };
}

const fmt = (x: number): string => x.toFixed(4);

async function main(): Promise<void> {
  const bbc = loadFolder(BBC_DIR).stories;
  console.log(`BBC: ${bbc.length} stories, precision@${K} by section (higher is better)\n`);
  const base = baselineRelated(bbc, K);
  console.log(
    `  baseline  plain TF-IDF cosine (stop words removed) ${fmt(precision(bbc, base).p)}`,
  );

  const entities = await loadEntityIds(bbc);
  if (!entities) console.log('  (entities: src/corpus/entities/recognize.ts not found — skipped)');

  if (entities) {
    // What the worker passes: each story's distinct canonical ids (entityIdsByStory gives one per
    // mention; with binary entity tf both build the same index).
    const distinct = new Map([...entities].map(([id, list]) => [id, [...new Set(list)]]));
    const app = ours(bbc, distinct, {});
    console.log(
      `  APP       terms + entities, default options          ${fmt(app.p)}  (${app.dupStories} stories with duplicates, build + all lists ${app.ms.toFixed(0)} ms)`,
    );
    const mentions = ours(bbc, entities, {});
    console.log(`            same, one id per mention                   ${fmt(mentions.p)}`);
    const old = ours(bbc, entities, { minDf: 1, entityTf: 'log' });
    console.log(`            previous defaults (minDf 1, entity tf log) ${fmt(old.p)}`);
  }
  if (entities) {
    // One id per mention, as the worker passes them since threads weigh mentions (the index,
    // with binary entity tf, is the same as from distinct ids).
    const { thread, related: shown } = sidebar(bbc, entities);
    const section = new Map(bbc.map((s) => [s.id, s.section]));
    const withSome = bbc.filter((s) => (shown.get(s.id)?.length ?? 0) > 0);
    const prec =
      withSome.reduce((sum, s) => {
        const list = shown.get(s.id)!;
        return sum + list.filter((id) => section.get(id) === s.section).length / list.length;
      }, 0) / withSome.length;
    const all = allRelated(buildRelatedIndex(bbc, entities), K);
    const p5 =
      withSome.reduce((sum, s) => {
        const list = all.get(s.id)!.related.map((h) => h.storyId);
        return sum + list.filter((id) => section.get(id) === s.section).length / list.length;
      }, 0) / withSome.length;
    const mean = bbc.reduce((n, s) => n + (shown.get(s.id)?.length ?? 0), 0) / bbc.length;
    console.log(
      `\n  SHOWN     what the sidebar lists (related at all, thread apart): precision ${fmt(prec)} ` +
        `in the story's section; ${withSome.length} of ${bbc.length} stories list one or more ` +
        `(${mean.toFixed(2)} on average); precision@5 of those stories' full lists ${fmt(p5)}`,
    );
    // The thread takes a story's closest companions out of "Related": judge the sidebar whole.
    let inSection = 0;
    let listed = 0;
    let showing = 0;
    for (const s of bbc) {
      const ids = [...thread.get(s.id)!, ...(shown.get(s.id) ?? [])];
      if (ids.length) showing++;
      listed += ids.length;
      inSection += ids.filter((id) => section.get(id) === s.section).length;
    }
    console.log(
      `            with "In this thread": ${showing} of ${bbc.length} stories show a thread or a ` +
        `related story; ${fmt(inSection / listed)} of all the stories shown are in its section`,
    );
  }
  // Ablations: one option changed from the defaults, measured with and without entities.
  const variants: [string, Partial<RelatedOptions>][] = [
    ['default options', {}],
    ['no neighbourhood vote (smoothWeight 0)', { smoothWeight: 0 }],
    ['plural folding', { stem: true }],
    ['classic idf (idfPower 1)', { idfPower: 1 }],
    ['idfPower 0.5', { idfPower: 0.5 }],
    ['raw tf', { tf: 'raw' }],
    ['bm25 tf', { tf: 'bm25' }],
    ['bigrams', { bigrams: true }],
    ['title boost 1 (none)', { titleBoost: 1 }],
    ['minDf 1 (keep terms no other story has)', { minDf: 1 }],
    ['minDf 3', { minDf: 3 }],
    ['maxTerms 100', { maxTerms: 100 }],
    [
      'maxTerms 1000 (no pruning), exhaustive',
      { maxTerms: 1000, headTerms: 1000, candidates: 5000 },
    ],
    ['exhaustive candidates (all postings)', { headTerms: 1000, candidates: 5000 }],
    ['headTerms 40, candidates 120', { headTerms: 40, candidates: 120 }],
    ['entityWeight 0.1', { entityWeight: 0.1 }],
    ['entityWeight 0.25', { entityWeight: 0.25 }],
    ['entityIdfPower 1', { entityIdfPower: 1 }],
    ['entity tf 1 + ln(mentions) (was the default)', { entityTf: 'log' }],
  ];
  const only = process.argv.includes('--quick') ? variants.slice(0, 1) : variants;
  console.log(`\n  ${''.padEnd(42)} terms    +entities`);
  for (const [name, opts] of only) {
    const t = name.startsWith('entity') ? undefined : ours(bbc, undefined, opts);
    const e = entities ? ours(bbc, entities, opts) : undefined;
    console.log(`  ${name.padEnd(42)} ${t ? fmt(t.p) : '  –   '}   ${e ? fmt(e.p) : '  –'}`);
  }

  console.log('\nSeeds (public/seeds):');
  const seeds = loadFolder(SEEDS_DIR).stories;
  const seedEntities = await loadEntityIds(seeds);
  const index = buildRelatedIndex(seeds, seedEntities);
  const title = new Map(seeds.map((s) => [s.id, s.title]));
  const seedShown = shownLists(seeds, seedEntities);
  // Stories with no true neighbour: in no labelled thread and no "may group" set of the labels.
  const labels = JSON.parse(
    readFileSync(path.join(ROOT, 'fixtures/threads/seeds-threads.json'), 'utf8'),
  ) as { threads: { stories: string[] }[]; neutral: { stories: string[] }[] };
  const grouped = new Set([...labels.threads, ...labels.neutral].flatMap((t) => t.stories));
  const alone = seeds.filter((s) => !grouped.has(s.id));
  const quiet = alone.filter((s) => (seedShown.get(s.id)?.length ?? 0) === 0).length;
  console.log(
    `  stories with no true neighbour that show none: ${quiet} of ${alone.length}; ` +
      `the Putin story shows ${seedShown.get('000_359807c817cdce2f')?.length ?? 0} related ` +
      `(its two companions are "In this thread")`,
  );
  for (const s of seeds) {
    const r = relatedFor(index, s.id, K);
    console.log(
      `  ${s.id} ${s.kind} "${title.get(s.id)?.slice(0, 60)}" — shown: ${seedShown.get(s.id)?.join(', ') || 'none'}`,
    );
    for (const h of r.related.slice(0, 3)) {
      const why = [...h.sharedEntities.slice(0, 3), ...h.sharedTerms].join(', ');
      console.log(`      ${h.score.toFixed(3)} ${h.storyId.padEnd(24)} ${why}`);
    }
    if (r.duplicates.length) console.log(`      duplicates: ${r.duplicates.join(', ')}`);
  }
}

/** Per story, the related ids the sidebar shows (see corpus/threads/shown-related.ts). */
function shownLists(stories: Story[], entities: Map<string, string[]> | undefined) {
  return sidebar(stories, entities).related;
}

/** Per story, the sidebar's "In this thread" (the other stories of its thread) and "Related". */
function sidebar(stories: Story[], entities: Map<string, string[]> | undefined) {
  const index = buildRelatedIndex(stories, entities);
  const neighbours = storyNeighbours(index, Math.max(K, DEFAULT_THREADS.neighbours));
  const all = new RelatedLists(index, neighbours);
  const vectors = threadVectors(index, DEFAULT_THREADS, stories, entities);
  const threads = buildThreads(index, neighbours, vectors);
  const dense = new Float32Array(vectors.dims);
  const thread = new Map(
    stories.map((s) => {
      const t = threads.threadOf[s.id];
      return [s.id, t === undefined ? [] : threads.threads[t]!.storyIds.filter((x) => x !== s.id)];
    }),
  );
  const related = new Map(
    stories.map((s, d) => [
      s.id,
      shownRelated(index, vectors, threads, s.id, all.get(d, K).related, dense).map(
        (h) => h.storyId,
      ),
    ]),
  );
  return { thread, related };
}

await main();
