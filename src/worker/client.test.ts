import { describe, expect, it, vi } from 'vitest';
import type { ParsedFile } from '../corpus/types';
import { CorpusWorkerClient } from './client';
import { FakeWorker } from './fake-worker';
import type { WorkerEvent } from './protocol';

const file = (id: string) => ({ fileId: id }) as ParsedFile;

describe('CorpusWorkerClient crash recovery', () => {
  it('rejects pending requests, restarts the worker, re-feeds its files and tells the user', async () => {
    FakeWorker.made = [];
    const client = new CorpusWorkerClient(() => new FakeWorker() as unknown as Worker);
    let notified = 0;
    client.subscribe(() => notified++);

    client.syncFiles(
      [
        { file: file('a'), hash: 'h1' },
        { file: file('b'), hash: 'h2' },
      ],
      2,
      'folder-1',
    );
    const first = FakeWorker.made[0]!;
    first.reply({ id: first.sent[0]!.id, ok: true, value: null });
    const pending = client.request({ type: 'search', query: 'kim' });

    first.crash('out of memory');

    await expect(pending).rejects.toThrow('The analysis worker crashed (out of memory).');
    expect(first.terminated).toBe(true);
    expect(client.crashNotice).toBe(
      'Background analysis crashed (out of memory) and was restarted.',
    );
    expect(client.getStatus()).toMatchObject({ files: 0, totalFiles: 2, searchReady: false });
    expect(notified).toBeGreaterThan(0);

    // A fresh worker got every file the old one had.
    expect(FakeWorker.made).toHaveLength(2);
    const second = FakeWorker.made[1]!;
    const resync = second.sent[0]!;
    expect(resync.type).toBe('sync-files');
    if (resync.type === 'sync-files') {
      expect(resync.files.map((f) => f.file.fileId)).toEqual(['a', 'b']);
      expect(resync.total).toBe(2);
      expect(resync.fingerprint).toBe('folder-1');
    }

    // And it serves requests again.
    const again = client.request({ type: 'search', query: 'kim' });
    const req = second.sent.at(-1)!;
    second.reply({ id: req.id, ok: true, value: { stories: [] } });
    await expect(again).resolves.toEqual({ stories: [] });
  });

  it('a crash before any file was sent restarts lazily, without a resync', () => {
    FakeWorker.made = [];
    const client = new CorpusWorkerClient(() => new FakeWorker() as unknown as Worker);
    void client.request({ type: 'related', storyId: 'x' }).catch(() => undefined);
    FakeWorker.made[0]!.crash('');
    expect(client.crashNotice).toContain('the analysis worker stopped');
    expect(FakeWorker.made).toHaveLength(1);
  });
});

describe('CorpusWorkerClient.whenCacheChecked', () => {
  const status = (cacheChecked: boolean): WorkerEvent =>
    ({ type: 'status', cacheChecked }) as unknown as WorkerEvent;

  it('resolves at once when no worker runs, else when the worker says its cache was read', async () => {
    FakeWorker.made = [];
    const client = new CorpusWorkerClient(() => new FakeWorker() as unknown as Worker);
    await client.whenCacheChecked(60_000); // no worker yet: nothing to wait for
    client.start();
    let settled = false;
    const waiting = client.whenCacheChecked(60_000).then(() => (settled = true));
    FakeWorker.made[0]!.reply(status(false));
    await Promise.resolve();
    expect(settled).toBe(false);
    FakeWorker.made[0]!.reply(status(true));
    await waiting;
    expect(settled).toBe(true);
  });

  it('gives up after the time limit (a worker that never answers must not block the library)', async () => {
    const client = new CorpusWorkerClient(() => new FakeWorker() as unknown as Worker);
    client.start();
    const t = performance.now();
    await client.whenCacheChecked(30);
    expect(performance.now() - t).toBeGreaterThanOrEqual(25);
  });
});

describe('CorpusWorkerClient status notifications', () => {
  it('tells subscribers once for a run of status messages, after an answer that came with them', async () => {
    FakeWorker.made = [];
    const client = new CorpusWorkerClient(() => new FakeWorker() as unknown as Worker);
    const seen: string[] = [];
    client.subscribe(() => seen.push(`status files=${client.getStatus().files}`));
    const answer = client.request({ type: 'search', query: 'kim' }).then(() => seen.push('answer'));
    const w = FakeWorker.made[0]!;
    w.reply({ type: 'status', files: 1 } as unknown as WorkerEvent);
    w.reply({ type: 'status', files: 2 } as unknown as WorkerEvent);
    w.reply({ id: w.sent[0]!.id, ok: true, value: null });
    // The status is current at once for whoever reads it; subscribers hear of it a moment later.
    expect(client.getStatus().files).toBe(2);
    await answer;
    expect(seen).toEqual(['answer']);
    await new Promise((r) => setTimeout(r, 60));
    expect(seen).toEqual(['answer', 'status files=2']);
  });
});

describe('CorpusWorkerClient search chunks', () => {
  it('starts no worker to be told the chunks, and tells them first to the worker a search starts', () => {
    vi.stubGlobal('location', new URL('http://localhost/'));
    FakeWorker.made = [];
    const client = new CorpusWorkerClient(() => new FakeWorker() as unknown as Worker);
    // An archive: its manifest names chunks, and nothing else asks the worker for anything.
    client.offerChunks({ chunks: { dir: 'search-chunks/abc', version: 1, first: true } });
    expect(FakeWorker.made).toHaveLength(0);
    void client.request({ type: 'search', query: 'kim' });
    expect(FakeWorker.made).toHaveLength(1);
    const sent = FakeWorker.made[0]!.sent;
    expect(sent.map((m) => m.type)).toEqual(['chunks', 'search']);
    expect(sent[0]).toMatchObject({
      chunks: { url: expect.stringMatching(/\/search-chunks\/abc\/$/u), version: 1, first: true },
    });
    // Offered again unchanged, nothing is sent; a running worker hears a new offer at once.
    client.offerChunks({ chunks: { dir: 'search-chunks/abc', version: 1, first: true } });
    expect(sent).toHaveLength(2);
    client.offerChunks({ chunks: { dir: 'search-chunks/def', version: 1, first: true } });
    expect(sent.map((m) => m.type)).toEqual(['chunks', 'search', 'chunks']);
    vi.unstubAllGlobals();
  });
});

describe('CorpusWorkerClient and the page’s early worker', () => {
  it('adopts the worker the page started, with what it said before, and restarts its own', async () => {
    FakeWorker.made = [];
    const pageWorker = new FakeWorker();
    (globalThis as { __dispatchEarlyWorker?: unknown }).__dispatchEarlyWorker = {
      worker: pageWorker,
      messages: [{ type: 'status', files: 0, cacheChecked: true }],
      error: null,
    };
    const client = new CorpusWorkerClient(() => new FakeWorker() as unknown as Worker);
    client.start();
    expect(FakeWorker.made).toEqual([pageWorker]); // none created by the client
    expect(client.getStatus().cacheChecked).toBe(true); // the buffered status was read
    await client.whenCacheChecked(60_000);
    void client.request({ type: 'search', query: 'kim' }).catch(() => undefined);
    expect(pageWorker.sent.map((m) => m.type)).toEqual(['search']);
    pageWorker.crash('gone');
    void client.request({ type: 'search', query: 'kim' }).catch(() => undefined);
    expect(FakeWorker.made).toHaveLength(2); // the restart is the client's own worker
    expect((globalThis as { __dispatchEarlyWorker?: unknown }).__dispatchEarlyWorker).toBe(
      undefined,
    );
  });
});
