import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { listTxt, SEEDS_DIR } from '../../scripts/lib/corpora';
import { folderFingerprint } from '../corpus/fingerprint';
import { parseFile } from '../corpus/parse-file';
import type { Manifest, ManifestFile, ParsedFile } from '../corpus/types';
import { FolderLoader, type FolderHost } from './folder-loader';
import type { FileEntry, FolderEvent } from './protocol';

// IndexedDB as the last visit left it: the manifest and every file parsed.
const idb = vi.hoisted(() => ({
  manifest: undefined as Manifest | undefined,
  parsed: new Map<string, ParsedFile>(),
  reads: [] as string[][],
  flushes: 0,
}));
vi.mock('../data/file-cache', () => ({
  readCachedManifest: () => Promise.resolve(idb.manifest),
  async *readCachedFiles(files: ManifestFile[]) {
    if (!files.length) return; // as the real one: no slice of nothing
    idb.reads.push(files.map((f) => f.id));
    yield { files, parsed: files.map((f) => idb.parsed.get(f.id)) };
  },
  flushFileCache: () => {
    idb.flushes++;
    return Promise.resolve(true);
  },
  cacheFile: () => undefined,
  readCachedFile: () => Promise.resolve(undefined),
}));

function folder(): ManifestFile[] {
  const files = listTxt(SEEDS_DIR).map((path, i) => {
    const bytes = new Uint8Array(readFileSync(`${SEEDS_DIR}/${path}`));
    const id = path.replace(/\.txt$/u, '');
    idb.parsed.set(id, parseFile({ fileId: id, section: null, bytes }));
    return { id, path, section: null, size: bytes.length, hash: `h${i}` };
  });
  idb.manifest = { version: 1, generatedAt: 'then', files } as unknown as Manifest;
  return files;
}

function host() {
  const held = new Map<string, FileEntry>();
  const told: string[] = [];
  const events: FolderEvent[] = [];
  const h: FolderHost = {
    sync: (entries) => {
      for (const e of entries) {
        told.push(e.file.fileId);
        held.set(e.file.fileId, e);
      }
    },
    held: (id) => held.get(id),
    heldIds: () => [...held.keys()],
    whenCacheChecked: () => Promise.resolve(),
    whenSettled: () => Promise.resolve(),
    emit: (e) => events.push(e),
  };
  return { h, told, events };
}

describe('FolderLoader.preload', () => {
  it("reads the first screen before the page asks, and the page's load posts it at once", async () => {
    const files = folder();
    const fingerprint = folderFingerprint(files);
    const { h, told, events } = host();
    const loader = new FolderLoader(h);
    loader.preload(fingerprint);
    await new Promise((r) => setTimeout(r, 0));
    // In the engine before the page has asked (the seeds are fewer than a first screen).
    expect([...told].sort()).toEqual(files.map((f) => f.id).sort());
    expect(events).toEqual([]);
    await loader.load({
      type: 'load-folder',
      loadId: 7,
      files,
      packs: null,
      fingerprint,
      cached: true,
      waitForPaint: false,
    });
    // The first event of the page's load carries the preloaded files, under its load id.
    expect(events[0]!.loadId).toBe(7);
    expect(events[0]!.files.map((f) => f.fileId).sort()).toEqual(files.map((f) => f.id).sort());
    // Each file went to the engine once: a file told twice restarts its indexes.
    expect([...told].sort()).toEqual(files.map((f) => f.id).sort());
    expect(idb.reads).toHaveLength(1);
  });

  it('reads nothing when the last visit was another folder', async () => {
    const files = folder();
    idb.reads.length = 0;
    const { h, told } = host();
    const loader = new FolderLoader(h);
    loader.preload('another folder');
    await new Promise((r) => setTimeout(r, 0));
    expect(told).toEqual([]);
    await loader.load({
      type: 'load-folder',
      loadId: 1,
      files,
      packs: null,
      fingerprint: folderFingerprint(files),
      cached: true,
      waitForPaint: false,
    });
    // The page's own load read the folder (first screen, then the rest), once per file.
    expect([...told].sort()).toEqual(files.map((f) => f.id).sort());
    expect(idb.reads.flat().sort()).toEqual(files.map((f) => f.id).sort());
  });

  it("writes the load's files to IndexedDB only once the engine has settled", async () => {
    const files = folder();
    const { h, events } = host();
    let settle: () => void = () => undefined;
    h.whenSettled = () => new Promise<void>((resolve) => (settle = resolve));
    // Nothing cached yet: every file is read from IndexedDB's misses, then the network.
    idb.parsed.clear();
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        const path = decodeURIComponent(url.replace(/^\/seeds\//u, ''));
        return Promise.resolve(new Response(readFileSync(`${SEEDS_DIR}/${path}`)));
      }),
    );
    idb.flushes = 0;
    const loading = new FolderLoader(h).load({
      type: 'load-folder',
      loadId: 3,
      files,
      packs: null,
      fingerprint: folderFingerprint(files),
      cached: false,
      waitForPaint: false,
    });
    await vi.waitFor(() => expect(events.some((e) => e.end)).toBe(true));
    expect(idb.flushes).toBe(0);
    settle();
    await loading;
    expect(idb.flushes).toBe(1);
    expect(events.at(-1)!.cached).toBe(true);
    vi.unstubAllGlobals();
  });
});
