import { describe, expect, it, vi } from 'vitest';
import { CorpusWorkerClient } from './client';
import { FakeWorker } from './fake-worker';
import type { WorkerEvent } from './protocol';

describe('CorpusWorkerClient crash recovery', () => {
  it('rejects pending requests, restarts the worker, has it load the folder again and tells the user', async () => {
    FakeWorker.made = [];
    const client = new CorpusWorkerClient(() => new FakeWorker() as unknown as Worker);
    let notified = 0;
    client.subscribe(() => notified++);

    const files = ['a', 'b'].map((id) => ({
      id,
      path: `${id}.txt`,
      section: null,
      size: 1,
      hash: `h-${id}`,
    }));
    client.loadFolder({ files }, { cached: false, waitForPaint: false, packs: true });
    const first = FakeWorker.made[0]!;
    const load = first.sent[0]!;
    first.reply({ id: load.id, ok: true, value: null });
    // The worker holds both files: a story view asks it for them.
    if (load.type === 'load-folder')
      first.reply({
        type: 'folder',
        loadId: load.loadId,
        files: files.map((f) => ({ fileId: f.id, hash: f.hash, rows: [], notes: [] })),
        failures: [],
      });
    expect(client.holdsFile(files[0]!)).toBe(true);
    const pending = client.request({ type: 'search', query: 'kim' });

    first.crash('out of memory');

    await expect(pending).rejects.toThrow('The analysis worker crashed (out of memory).');
    expect(first.terminated).toBe(true);
    expect(client.crashNotice).toBe(
      'Background analysis crashed (out of memory) and was restarted.',
    );
    expect(client.getStatus()).toMatchObject({ files: 0, totalFiles: 2, searchReady: false });
    expect(notified).toBeGreaterThan(0);

    // A fresh worker loads the folder again, and holds nothing until it says so.
    expect(FakeWorker.made).toHaveLength(2);
    const second = FakeWorker.made[1]!;
    const reload = second.sent[0]!;
    expect(reload.type).toBe('load-folder');
    if (reload.type === 'load-folder' && load.type === 'load-folder') {
      expect(reload.files.map((f) => f.id)).toEqual(['a', 'b']);
      expect(reload.loadId).toBe(load.loadId);
      expect(reload.fingerprint).toBe(load.fingerprint);
    }
    expect(client.holdsFile(files[0]!)).toBe(false);

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
