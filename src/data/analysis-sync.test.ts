import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusWorkerClient } from '../worker/client';
import { FakeWorker } from '../worker/fake-worker';
import { phasesOf } from '../worker/engine-phases';
import { INITIAL_STATUS, type Request, type WorkerStatus } from '../worker/protocol';
import { relatedQuery, searchQuery } from './analysis-api';
import { followEngine, staleQueries } from './analysis-sync';

/** A worker with a whole folder of 10 files indexed, nothing else ready yet. */
const BASE: WorkerStatus = {
  ...INITIAL_STATUS,
  files: 10,
  totalFiles: 10,
  stories: 10,
  searchReady: true,
  cacheChecked: true,
  searchWarm: true,
};

/** A query client following a fake worker, and what that worker was asked. */
function setUp() {
  FakeWorker.made = [];
  const worker = new CorpusWorkerClient(() => new FakeWorker() as unknown as Worker);
  worker.start();
  const fake = FakeWorker.made[0]!;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const stop = followEngine(client, worker);
  const asked = (type: Request['type']) => fake.sent.filter((m) => m.type === type);
  /** Answers the oldest unanswered request of this type. */
  const answer = (type: Request['type'], value: unknown) => {
    const m = asked(type).find((r) => !answered.has(r.id));
    if (!m) throw new Error(`no ${type} request to answer`);
    answered.add(m.id);
    fake.reply({ id: m.id, ok: true, value });
  };
  const answered = new Set<number>();
  const status = (over: Partial<WorkerStatus>) => fake.reply({ ...BASE, ...over });
  /** Keeps a query on screen (an observer), asking the worker through this client. */
  const watch = <T>(queryKey: QueryKey, req: Request) => {
    const observer = new QueryObserver<T>(client, {
      queryKey,
      queryFn: () => worker.request(req) as Promise<T>,
      staleTime: Infinity,
    });
    const seen: (T | undefined)[] = [];
    const off = observer.subscribe((r) => seen.push(r.data));
    cleanups.push(off);
    return { observer, seen };
  };
  const cleanups: (() => void)[] = [stop, () => client.clear()];
  teardown = () => cleanups.forEach((c) => c());
  status({});
  return { worker, fake, client, asked, answer, status, watch };
}

let teardown = () => undefined as void;
afterEach(() => teardown());

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('followEngine: the worker’s phases refresh the queries they change', () => {
  it('asks a related list again when the related lists become ready, keeping the old one meanwhile', async () => {
    const t = setUp();
    const related = t.watch(relatedQuery('a').queryKey, { type: 'related', storyId: 'a' });
    t.watch(searchQuery('kim').queryKey, { type: 'search', query: 'kim' });
    expect(t.asked('related')).toHaveLength(1);
    t.answer('related', { related: ['old'] });
    t.answer('search', { stories: [] });
    await settle();
    expect(related.observer.getCurrentResult().data).toEqual({ related: ['old'] });

    t.status({ relatedReady: true });
    await settle();
    // Asked again at once; the search's phase did not move, so it was not.
    expect(t.asked('related')).toHaveLength(2);
    expect(t.asked('search')).toHaveLength(1);
    expect(related.observer.getCurrentResult()).toMatchObject({
      data: { related: ['old'] },
      isFetching: true,
    });
    t.answer('related', { related: ['new'] });
    await settle();
    expect(related.observer.getCurrentResult().data).toEqual({ related: ['new'] });
    // Never an empty list in between.
    const first = related.seen.findIndex((d) => d !== undefined);
    expect(related.seen.slice(first)).not.toContain(undefined);

    // A status message that moves no phase asks nothing again.
    t.status({ relatedReady: true, analysisMs: 12 });
    await settle();
    expect(t.asked('related')).toHaveLength(2);
  });

  it('asks every analysis again at a new epoch (the folder was rebuilt)', async () => {
    const t = setUp();
    t.watch(relatedQuery('a').queryKey, { type: 'related', storyId: 'a' });
    t.watch(searchQuery('kim').queryKey, { type: 'search', query: 'kim' });
    t.answer('related', null);
    t.answer('search', { stories: [] });
    await settle();
    t.status({ epoch: 1 });
    await settle();
    expect(t.asked('related')).toHaveLength(2);
    expect(t.asked('search')).toHaveLength(2);
  });

  it('lets a search under way land when the worker’s own index takes over, then asks once more', async () => {
    const t = setUp();
    const search = t.watch(searchQuery('kim').queryKey, { type: 'search', query: 'kim' });
    t.answer('search', { from: 'chunks' });
    await settle();
    t.status({ files: 20, totalFiles: 40, searchReady: false }); // the index grows: asked again
    await settle();
    expect(t.asked('search')).toHaveLength(2);
    // Before that answer comes back, the worker's own index is complete: not cancelled …
    t.status({ files: 40, totalFiles: 40, searchComplete: true });
    await settle();
    expect(t.asked('search')).toHaveLength(2);
    t.answer('search', { from: 'half' });
    await settle();
    expect(search.observer.getCurrentResult().data).toEqual({ from: 'half' });
    // … and once it has landed, asked for the phases as they are now.
    expect(t.asked('search')).toHaveLength(3);
    t.answer('search', { from: 'whole' });
    await settle();
    expect(search.observer.getCurrentResult().data).toEqual({ from: 'whole' });
    expect(t.asked('search')).toHaveLength(3);
  });

  it('after a crash, asks the queries on screen again of the new worker once it is re-fed', async () => {
    const t = setUp();
    t.worker.loadFolder(
      { files: [{ id: 'a', path: 'a.txt', section: null, size: 1, hash: 'h' }] },
      { cached: false, waitForPaint: false, packs: true },
    );
    t.status({ relatedReady: true, epoch: 1 });
    const related = t.watch(relatedQuery('a').queryKey, { type: 'related', storyId: 'a' });
    t.answer('related', { related: ['before'] });
    await settle();
    t.fake.crash('out of memory');
    await settle();
    const second = FakeWorker.made[1]!;
    expect(second.sent.map((m) => m.type)).toEqual(['load-folder', 'related']);
    expect(related.observer.getCurrentResult().data).toEqual({ related: ['before'] });
  });

  it('marks queries that are not on screen stale, to be asked when next shown', async () => {
    const t = setUp();
    const key = relatedQuery('b').queryKey;
    t.client.setQueryData(key, null); // an answer from before the lists were ready
    t.status({ relatedReady: true });
    await settle();
    expect(t.client.getQueryState(key)?.isInvalidated).toBe(true);
    expect(t.asked('related')).toHaveLength(0);
  });
});

describe('staleQueries', () => {
  const phases = (over: Partial<WorkerStatus>) => phasesOf({ ...BASE, ...over });
  const kinds = (a: Partial<WorkerStatus>, b: Partial<WorkerStatus>) =>
    staleQueries(phases(a), phases(b)).map((k) => k.slice(1).join('/') || 'all');

  it('names the queries each phase answers for', () => {
    expect(kinds({}, { epoch: 1 })).toEqual(['all']);
    expect(kinds({}, { searchComplete: true })).toEqual(['search', 'story-hits']);
    expect(kinds({ files: 6, searchReady: false }, { files: 7, searchReady: false })).toEqual([
      'search',
    ]);
    expect(kinds({ files: 8 }, { files: 9 })).toEqual([]); // the same doubling step
    expect(kinds({}, { entitiesReady: true })).toEqual(['story-entities', 'entity', 'filter']);
    expect(kinds({}, { relatedReady: true })).toEqual([
      'related',
      'thread-of',
      'threads',
      'thread',
    ]);
  });

  it('follows the analyses before the table: the filter every step, entity pages every other', () => {
    expect(kinds({ analysed: 0 }, { analysed: 249 })).toEqual([]);
    expect(kinds({ analysed: 249 }, { analysed: 250 })).toEqual(['filter']);
    expect(kinds({ analysed: 499 }, { analysed: 500 })).toEqual(['filter', 'entity']);
    // With the table, analyses arriving move nothing (the table answers).
    expect(
      kinds({ analysed: 0, entitiesReady: true }, { analysed: 600, entitiesReady: true }),
    ).toEqual([]);
  });
});
