import { describe, expect, it } from 'vitest';
import type { ManifestFile } from '../corpus/types';
import { FolderFeed } from './folder-feed';
import type { FolderEvent, LoadFolder } from './protocol';

const file = (id: string, hash = `h-${id}`): ManifestFile => ({
  id,
  path: `${id}.txt`,
  section: null,
  size: 1,
  hash,
});
const OPTIONS = { cached: false, waitForPaint: false, packs: true };

function feed() {
  const sent: LoadFolder[] = [];
  return { feed: new FolderFeed((req) => sent.push(req)), sent };
}

const event = (loadId: number, ids: string[], end = false): FolderEvent => ({
  type: 'folder',
  loadId,
  files: ids.map((id) => ({ fileId: id, hash: `h-${id}`, rows: [], notes: [] })),
  failures: [],
  ...(end ? { end: { titles: [] } } : {}),
});

async function read(it: AsyncGenerator<FolderEvent>, n: number): Promise<FolderEvent[]> {
  const out: FolderEvent[] = [];
  while (out.length < n) {
    const next = await it.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

describe('FolderFeed', () => {
  it('keeps what the worker said before the data layer read it, then streams the rest to the end', async () => {
    const { feed: f, sent } = feed();
    const manifest = { files: [file('a'), file('b')] };
    f.start(manifest, OPTIONS);
    f.start(manifest, OPTIONS); // the same folder: no second load
    expect(sent).toHaveLength(1);
    const id = sent[0]!.loadId;
    f.take(event(id, ['a']));
    f.take(event(id + 7, ['x'])); // another load's: not this one's
    const events = f.events(manifest, OPTIONS, new AbortController().signal);
    expect((await read(events, 1)).map((e) => e.files[0]?.fileId)).toEqual(['a']);
    f.take(event(id, ['b']));
    f.take(event(id, [], true));
    expect(await read(events, 5)).toHaveLength(2); // b, then the end, and the stream is over
    expect(f.holds(file('a'))).toBe(true);
    expect(f.holds(file('a', 'other'))).toBe(false);
    expect(f.holds(file('x'))).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('starts a new load for a reader after the end, and for a new folder (ending the old reader)', async () => {
    const { feed: f, sent } = feed();
    const one = { files: [file('a')] };
    f.start(one, OPTIONS);
    const first = f.events(one, OPTIONS, new AbortController().signal);
    f.take(event(sent[0]!.loadId, ['a'], true));
    await read(first, 5);
    // The query asked again: the worker is asked again (it posts the rows of what it holds).
    const again = f.events(one, OPTIONS, new AbortController().signal);
    const pending = again.next();
    expect(sent).toHaveLength(2);
    // A new folder (a file edited under `npm run dev`): the old reader ends.
    const two = { files: [file('a', 'edited')] };
    const next = f.events(two, OPTIONS, new AbortController().signal);
    const nextFirst = next.next(); // a generator starts when first read, as the query reads it
    expect(sent).toHaveLength(3);
    expect(sent[2]!.fingerprint).not.toBe(sent[1]!.fingerprint);
    expect(await pending).toEqual({ done: true, value: undefined });
    f.take(event(sent[2]!.loadId, ['a'], true));
    expect((await nextFirst).value?.end).toBeDefined();
    expect(await read(next, 5)).toHaveLength(0);
  });

  it('asks a restarted worker to load the folder again, at once (no wait for a paint)', () => {
    const { feed: f, sent } = feed();
    f.start({ files: [file('a')] }, { ...OPTIONS, waitForPaint: true });
    f.take(event(sent[0]!.loadId, ['a']));
    f.restarted();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({ ...sent[0], waitForPaint: false, cached: true });
    expect(f.holds(file('a'))).toBe(false);
  });

  it('gives a reader that comes after a cancelled one a load of its own, from the start', async () => {
    const { feed: f, sent } = feed();
    const manifest = { files: [file('a'), file('b')] };
    f.start(manifest, OPTIONS);
    const stop = new AbortController();
    const first = f.events(manifest, OPTIONS, stop.signal);
    const got = first.next();
    f.take(event(sent[0]!.loadId, ['a']));
    expect((await got).value?.files[0]?.fileId).toBe('a');
    stop.abort(); // "Try the failed files again", a new key for the same folder, StrictMode
    await first.next();
    const second = f.events(manifest, OPTIONS, new AbortController().signal);
    const again = second.next();
    expect(sent).toHaveLength(2); // a new load: the worker posts a's rows again, then b's
    f.take(event(sent[0]!.loadId, ['b'])); // the old load's: not this reader's
    f.take(event(sent[1]!.loadId, ['a', 'b'], true));
    const read = (await again).value as FolderEvent;
    expect(read.files.map((x) => x.fileId)).toEqual(['a', 'b']);
  });

  it('takes nothing for a reader already cancelled, and leaves the load for the next one', async () => {
    const { feed: f, sent } = feed();
    const manifest = { files: [file('a')] };
    f.start(manifest, OPTIONS);
    f.take(event(sent[0]!.loadId, ['a']));
    const stop = new AbortController();
    stop.abort();
    expect(await f.events(manifest, OPTIONS, stop.signal).next()).toEqual({
      done: true,
      value: undefined,
    });
    const next = f.events(manifest, OPTIONS, new AbortController().signal);
    expect((await next.next()).value?.files[0]?.fileId).toBe('a');
    expect(sent).toHaveLength(1);
  });

  it('says when the folder is cached, and ends the reader in error when the load broke', async () => {
    const cached: string[] = [];
    const sent: LoadFolder[] = [];
    const f = new FolderFeed(
      (req) => sent.push(req),
      (fp) => cached.push(fp),
    );
    const manifest = { files: [file('a')] };
    const events = f.events(manifest, OPTIONS, new AbortController().signal);
    const first = events.next();
    f.take({ ...event(sent[0]!.loadId, []), end: { titles: [], error: 'out of memory' } });
    await expect(first).rejects.toThrow('out of memory');
    f.take({ ...event(sent[0]!.loadId, []), cached: true });
    expect(cached).toEqual([sent[0]!.fingerprint]);
  });

  it('ends a reader whose signal aborts', async () => {
    const { feed: f } = feed();
    const stop = new AbortController();
    const events = f.events({ files: [file('a')] }, OPTIONS, stop.signal);
    const pending = events.next();
    stop.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});
