/**
 * The build's search-chunks thread (see search-chunks.ts): parses every file of the folder and
 * builds the search index with the code the browser's worker runs (`parseFile`,
 * `buildSearchIndex`), cuts it into chunks (`buildChunks`) and writes them into the build cache,
 * answering with their names, sizes and a hash of their content. Loaded through
 * chunks-thread-entry.mjs, which lets Node run TypeScript.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { parseFile } from '../src/corpus/parse-file';
import { buildChunks } from '../src/corpus/search/chunks/build-chunks';
import { LEDE_CHARS } from '../src/corpus/search/chunks/fragments';
import { CHUNK_FORMAT } from '../src/corpus/search/chunks/meta';
import { buildSearchIndex } from '../src/corpus/search/search-index';
import type { IndexedDoc } from '../src/corpus/search/types';
import type { ChunksJob, ChunksMessage, ChunksReply } from './search-chunks';
import { FileCache, fileKey } from './file-cache';
import { IndexAssembler } from './index-assembler';
import { decodePart, encodePart, partOf, type IndexPart } from './index-part';
import { readSeedFileSync } from './read-seed-file';

const port = parentPort!;
/** Progress lines at most this often (ms), as the names step prints them. */
const PROGRESS_MS = 2000;

port.once('message', (job: ChunksJob) => {
  void build(job).then(
    (reply) => port.postMessage({ done: reply } satisfies ChunksMessage),
    (err: unknown) =>
      port.postMessage({
        done: { error: err instanceof Error ? err.message : String(err) },
      } satisfies ChunksMessage),
  );
});

/**
 * Past indexing, the chunks read a story's title and the start of its lede only (`buildChunks`'
 * fragments; `cutLede` reads LEDE_CHARS + 1 characters at most): the rest of its text goes, so
 * the thread does not hold the folder's text twice over (at 100,000 articles ~0.5 GB of UTF-16).
 * Copied, because V8 keeps a substring as a slice of the file's whole text.
 */
function keepLedeOnly(doc: IndexedDoc): void {
  const copy = (s: string): string => JSON.parse(JSON.stringify(s)) as string;
  const first = doc.paragraphs[0];
  doc.paragraphs = first === undefined ? [] : [copy(first.slice(0, LEDE_CHARS + 1))];
  doc.title = copy(doc.title);
}

async function build(job: ChunksJob): Promise<ChunksReply> {
  const parts: { name: string; ms: number; cpuMs: number }[] = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const done = (name: string): void => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    parts.push({ name, ms: now - last, cpuMs: (cpu.user + cpu.system) / 1000 });
    last = now;
    lastCpu = process.cpuUsage();
  };
  const folder = new IndexAssembler();
  const keys = job.files.map(fileKey);
  const cache = job.fileCacheDir ? await FileCache.open(job.fileCacheDir, keys) : null;
  let said = performance.now();
  for (let i = 0; i < job.files.length; i++) {
    const f = job.files[i]!;
    // Read only when the cache lacks the file, blocking: this thread has nothing else to do
    // meanwhile (see readSeedFileSync; the 100k folder's 20,000 files with 16 async reads in
    // flight had taken 10.3 s).
    let bytes: Buffer | undefined;
    const parse = () =>
      parseFile({
        fileId: f.id,
        section: f.section,
        bytes: (bytes ??= readSeedFileSync(f.source)),
      });
    // The file's own index, from the cache when its content is unchanged; appended to the
    // folder's, it makes the index `addStories` would (index-assembler.ts).
    let entry = await cache?.take(i, keys[i]!);
    let part: IndexPart;
    if (entry) part = decodePart(entry);
    else {
      const own = buildSearchIndex(parse().stories);
      for (const doc of own.docs) keepLedeOnly(doc);
      part = partOf(own);
      if (cache?.wanted(i)) entry = encodePart(part);
    }
    // A story id indexed already (addStories skips it): as before, story by story.
    if (!folder.add(part)) for (const doc of folder.addStories(parse().stories)) keepLedeOnly(doc);
    if (entry !== undefined) await cache?.put(i, entry);
    if (performance.now() - said > PROGRESS_MS) {
      said = performance.now();
      const n = (i + 1).toLocaleString('en-US');
      port.postMessage({
        progress: `${n}/${job.files.length.toLocaleString('en-US')} files indexed`,
      } satisfies ChunksMessage);
    }
  }
  await cache?.finish();
  port.postMessage({
    indexed: { cached: cache?.hits ?? 0, files: job.files.length },
  } satisfies ChunksMessage);
  const index = folder.finish();
  done(
    cache
      ? `parse and index (${cache.hits.toLocaleString('en-US')} files cached)`
      : 'parse and index',
  );
  // Each file written as it is cut (blocking, as the reads: nothing else runs on this thread
  // meanwhile, and each awaited write was three round trips through libuv's pool for ~29,000
  // files), not held to the end of the cut: at 100,000 stories the set is ~220 MB (the step's
  // peak RSS, the whole process's, 2,403–2,422 MiB against 2,495–2,514 holding them).
  mkdirSync(job.outDir, { recursive: true });
  const digests = new Map<string, string>();
  const files: [string, number, number][] = [];
  let sinkMs = 0;
  let sinkCpu = 0;
  buildChunks(index, {}, (name, bytes) => {
    const t = performance.now();
    const c = process.cpuUsage();
    digests.set(name, createHash('sha256').update(bytes).digest('hex'));
    // What a host that gzips sends (the terminal line and the bench count it).
    files.push([name, bytes.length, gzipSync(bytes).length]);
    writeFileSync(path.join(job.outDir, name), bytes);
    sinkMs += performance.now() - t;
    const used = process.cpuUsage(c);
    sinkCpu += (used.user + used.system) / 1000;
  });
  done('chunks');
  // The cut's own time, without the writes made during it (reported as their own part).
  const cut = parts.at(-1)!;
  cut.ms -= sinkMs;
  cut.cpuMs -= sinkCpu;
  parts.push({ name: 'hash, gzip and write', ms: sinkMs, cpuMs: sinkCpu });
  // The set's name, from its files' names and digests sorted by name: the same content gives
  // the same name whatever order the files were made in.
  files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const hash = createHash('sha256');
  for (const [name] of files) hash.update(name).update('\0').update(digests.get(name)!);
  return {
    hash: hash.digest('hex').slice(0, 12),
    version: CHUNK_FORMAT,
    stories: index.docs.length,
    terms: index.terms.length,
    files,
    digests: files.map(([name]) => digests.get(name)!.slice(0, 32)),
    parts,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}
