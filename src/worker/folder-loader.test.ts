import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listTxt, SEEDS_DIR } from '../../scripts/lib/corpora';
import { folderFingerprint } from '../corpus/fingerprint';
import { folderListing, assembleListing } from '../corpus/folder-listing';
import { parseFile } from '../corpus/parse-file';
import type { ManifestFile, ManifestPack, ParsedFile } from '../corpus/types';
import { FolderLoader, type FolderHost } from './folder-loader';
import type { FileEntry, FolderEvent, LoadFolder } from './protocol';

/** The seeds as a manifest, their bytes by URL path, and each file parsed as the page would. */
function seeds() {
  const bytes = new Map<string, Uint8Array>();
  const files: ManifestFile[] = listTxt(SEEDS_DIR).map((path, i) => {
    const b = new Uint8Array(readFileSync(`${SEEDS_DIR}/${path}`));
    bytes.set(`/seeds/${path.split('/').map(encodeURIComponent).join('/')}`, b);
    return { id: path.replace(/\.txt$/u, ''), path, section: null, size: b.length, hash: `h${i}` };
  });
  return { files, bytes };
}

/** Serves `bytes` by path; anything else is a 404. Counts requests. */
function serve(bytes: Map<string, Uint8Array>) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      asked.push(url);
      const b = bytes.get(url);
      return Promise.resolve(
        b ? new Response(new Uint8Array(b), { status: 200 }) : new Response('no', { status: 404 }),
      );
    }),
  );
  return asked;
}

/** A host standing for the engine: what it was handed, and what the page was told. */
function host() {
  const heldFiles = new Map<string, FileEntry>();
  const events: FolderEvent[] = [];
  const syncs: { ids: string[]; keep: string[] | null; fingerprint: string }[] = [];
  const h: FolderHost = {
    sync: (entries, _total, keep, fingerprint) => {
      syncs.push({ ids: entries.map((e) => e.file.fileId), keep, fingerprint });
      if (keep)
        for (const id of [...heldFiles.keys()]) if (!keep.includes(id)) heldFiles.delete(id);
      for (const e of entries) heldFiles.set(e.file.fileId, e);
    },
    held: (id) => heldFiles.get(id),
    heldIds: () => [...heldFiles.keys()],
    whenCacheChecked: () => Promise.resolve(),
    whenSettled: () => Promise.resolve(),
    emit: (e) => events.push(e),
  };
  return { h, heldFiles, events, syncs };
}

const request = (files: ManifestFile[], over: Partial<LoadFolder> = {}): LoadFolder => ({
  type: 'load-folder',
  loadId: 1,
  files,
  packs: null,
  fingerprint: folderFingerprint(files),
  cached: false,
  waitForPaint: false,
  ...over,
});

/** The page's listing from the events, as use-folder-listing makes it. */
function pageListing(files: ManifestFile[], events: FolderEvent[]) {
  const loaded = new Map(events.flatMap((e) => e.files.map((f) => [f.fileId, f] as const)));
  const end = events.at(-1)?.end;
  return assembleListing(files, loaded, end ? new Map(end.titles) : null);
}

afterEach(() => vi.unstubAllGlobals());

describe('FolderLoader', () => {
  it('loads every file one by one, hands each to the engine, and gives the page its listing', async () => {
    const { files, bytes } = seeds();
    const asked = serve(bytes);
    const { h, events, syncs, heldFiles } = host();
    await new FolderLoader(h).load(request(files));
    expect(asked).toHaveLength(files.length);
    // The engine heard of the folder first (its fingerprint), then got every file once.
    expect(syncs[0]).toEqual({ ids: [], keep: null, fingerprint: folderFingerprint(files) });
    expect(syncs.flatMap((s) => s.ids).sort()).toEqual(files.map((f) => f.id).sort());
    expect(events.some((e) => e.cached)).toBe(false); // no IndexedDB in Node: nothing was written
    const parsed = new Map<string, ParsedFile>(
      files.map((f) => [
        f.id,
        parseFile({ fileId: f.id, section: null, bytes: bytes.get(`/seeds/${f.path}`)! }),
      ]),
    );
    // The page's listing is the one made from the parsed files, distinct titles and all.
    expect(pageListing(files, events)).toEqual(folderListing(files, parsed));
    expect([...heldFiles.values()].map((e) => e.hash).sort()).toEqual(
      files.map((f) => f.hash).sort(),
    );
  });

  it('reports a file that cannot be loaded and loads the others', async () => {
    const { files, bytes } = seeds();
    bytes.delete(`/seeds/${files[1]!.path}`);
    serve(bytes);
    const { h, events } = host();
    await new FolderLoader(h).load(request(files));
    const failures = events.flatMap((e) => e.failures);
    expect(failures.map((f) => f.file.id)).toEqual([files[1]!.id]);
    expect(failures[0]!.message).toContain('HTTP 404');
    const loaded = events.flatMap((e) => e.files.map((f) => f.fileId)).sort();
    expect(loaded).toEqual(
      files
        .filter((_, i) => i !== 1)
        .map((f) => f.id)
        .sort(),
    );
    expect(events.at(-1)?.end).toBeDefined();
  });

  it('asks again once for a file that failed: a brief network hiccup is not a failed file', async () => {
    const { files, bytes } = seeds();
    const flaky = `/seeds/${files[0]!.path}`;
    let failsLeft = 1;
    const served = serve(bytes);
    const real = globalThis.fetch;
    vi.stubGlobal('fetch', (url: string) => {
      if (url === flaky && failsLeft-- > 0) return Promise.reject(new TypeError('network'));
      return real(url);
    });
    const { h, events } = host();
    await new FolderLoader(h).load(request(files));
    expect(events.flatMap((e) => e.failures)).toEqual([]);
    expect(events.flatMap((e) => e.files.map((f) => f.fileId)).sort()).toEqual(
      files.map((f) => f.id).sort(),
    );
    expect(served.filter((u) => u === flaky)).toHaveLength(1); // the second ask, answered
  });

  it('tells the page when a load breaks, as its end, rather than never ending', async () => {
    const { files, bytes } = seeds();
    serve(bytes);
    const { h, events } = host();
    h.sync = () => {
      throw new Error('out of memory');
    };
    await new FolderLoader(h).loadOrReport(request(files));
    expect(events.at(-1)?.end?.error).toBe('The folder could not be loaded: out of memory');
  });

  it('reads the build’s packs, and fetches on its own a file whose pack failed', async () => {
    const { files, bytes } = seeds();
    const packBytes = (list: ManifestFile[]) => {
      let offset = 0;
      const parts = list.map((f) => bytes.get(`/seeds/${f.path}`)!);
      const entries = list.map((f, i) => {
        const e = { id: f.id, offset, length: parts[i]!.length };
        offset += parts[i]!.length;
        return e;
      });
      return { entries, gz: new Uint8Array(gzipSync(Buffer.concat(parts))) };
    };
    const good = packBytes(files.slice(0, 2));
    const packs: ManifestPack[] = [
      { url: 'seeds-packs/0.gz', size: good.gz.length, files: good.entries },
      { url: 'seeds-packs/1.gz', size: 10, files: packBytes(files.slice(2)).entries },
    ];
    const served = new Map(bytes);
    served.set('/seeds-packs/0.gz', good.gz); // pack 1 is missing: a 404
    const asked = serve(served);
    const { h, events } = host();
    await new FolderLoader(h).load(request(files, { packs }));
    expect(asked.filter((u) => u.startsWith('/seeds/'))).toEqual(
      files.slice(2).map((f) => `/seeds/${f.path}`),
    );
    const loaded = events.flatMap((e) => e.files.map((f) => f.fileId)).sort();
    expect(loaded).toEqual(files.map((f) => f.id).sort());
    expect(events.flatMap((e) => e.failures)).toEqual([]);
  });

  it('loads only what changed in a new manifest, gives the page every row again, and drops removed files', async () => {
    const { files, bytes } = seeds();
    const asked = serve(bytes);
    const { h, events, syncs } = host();
    const loader = new FolderLoader(h);
    await loader.load(request(files));
    asked.length = 0;
    events.length = 0;
    syncs.length = 0;
    // The first file edited (a new hash), the last removed.
    const next = [{ ...files[0]!, hash: 'edited' }, ...files.slice(1, -1)];
    await loader.load(request(next, { loadId: 2 }));
    expect(asked).toEqual([`/seeds/${files[0]!.path}`]);
    expect(syncs[0]!.keep?.sort()).toEqual(next.map((f) => f.id).sort());
    expect(events.every((e) => e.loadId === 2)).toBe(true);
    const rows = events.flatMap((e) => e.files.map((f) => `${f.fileId}:${f.hash}`)).sort();
    expect(rows).toEqual(next.map((f) => `${f.id}:${f.hash}`).sort());
  });

  it('stops a load that a newer one replaced: its end is never told', async () => {
    const { files, bytes } = seeds();
    serve(bytes);
    const { h, events } = host();
    const loader = new FolderLoader(h);
    const first = loader.load(request(files));
    const second = loader.load(request(files, { loadId: 2 }));
    await Promise.all([first, second]);
    expect(events.filter((e) => e.end).map((e) => e.loadId)).toEqual([2]);
  });

  it('on a story’s page, waits for the story’s paint before loading the folder', async () => {
    const { files, bytes } = seeds();
    const asked = serve(bytes);
    const { h } = host();
    const loader = new FolderLoader(h);
    const done = loader.load(request(files, { waitForPaint: true }));
    await new Promise((r) => setTimeout(r, 30));
    expect(asked).toEqual([]);
    loader.painted();
    await done;
    expect(asked).toHaveLength(files.length);
  });
});
