import { createHash } from 'node:crypto';
import {
  access,
  link,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';

/** One file of a tree: where it goes (relative to the tree), what identifies its content. */
export interface TreeFile {
  path: string;
  /** Changes whenever the content does (a content hash, or a hash of what the content is made of). */
  hash: string;
  data: () => Promise<string | Uint8Array>;
  /**
   * A file on the same disk that holds these bytes and is never rewritten in place (a build
   * cache's content-named file): hard-linked rather than copied, so a set of files that moved to
   * a new content-named directory costs no bytes written. A copy when linking fails.
   */
  linkFrom?: string;
}

export interface TreeSyncResult {
  written: number;
  kept: number;
  removed: number;
}

/**
 * Writes one tree of the build folder (`seeds/`, `story/`) incrementally. These two trees hold a
 * file per article, so on a large folder writing them again, and Vite deleting them before, was
 * most of a rebuild (100,000 articles: 242 s emptying `dist`, 108 s of preview pages). A file is
 * written only when it is missing or its hash differs from the one recorded when it was written;
 * files of the tree that are no longer wanted are removed, so the tree ends exactly as a clean
 * build would leave it.
 * The record lives outside the build folder (`stateFile`, in the build cache): nothing extra is
 * published. What is on disk is listed every time, so a deleted or emptied folder is rewritten
 * whatever the record says.
 */
export async function syncTree(
  root: string,
  tree: string,
  files: Iterable<TreeFile>,
  stateFile: string,
): Promise<TreeSyncResult> {
  const dir = path.join(root, tree);
  const before = await readState(stateFile);
  const present = new Set(await listFiles(dir));
  const after: Record<string, string> = {};
  const result: TreeSyncResult = { written: 0, kept: 0, removed: 0 };
  const writes: (() => Promise<void>)[] = [];
  const madeDirs = new Map<string, Promise<unknown>>();
  const madeDir = (d: string) => {
    let made = madeDirs.get(d);
    if (!made) madeDirs.set(d, (made = mkdir(d, { recursive: true })));
    return made;
  };
  for (const f of files) {
    const target = path.join(dir, f.path);
    // Never write outside the tree, whatever a file name holds.
    if (!path.resolve(target).startsWith(path.resolve(dir) + path.sep)) continue;
    const rel = path.relative(dir, target);
    if (rel in after) continue;
    after[rel] = f.hash;
    if (present.has(rel) && before[rel] === f.hash) {
      result.kept++;
      continue;
    }
    result.written++;
    writes.push(async () => {
      await madeDir(path.dirname(target));
      if (!(f.linkFrom && (await linked(f.linkFrom, target)))) {
        // Unlinked first: the file there may be a link to a cache's file, never to be changed.
        if (present.has(rel)) await rm(target, { force: true });
        await writeFile(target, await f.data());
      }
    });
  }
  await inParallel(writes, WRITE_CONCURRENCY);
  const emptied = new Set<string>();
  for (const rel of present) {
    if (rel in after) continue;
    await rm(path.join(dir, rel), { force: true });
    emptied.add(path.dirname(rel));
    result.removed++;
  }
  await removeEmptyDirs(dir, emptied);
  await mkdir(path.dirname(stateFile), { recursive: true });
  await writeFile(stateFile, JSON.stringify(after));
  return result;
}

/**
 * Writes in flight at once. One at a time, each file waited on its own round trips through
 * libuv's pool (mkdir, open, write, close): 100,000 seeds took 170 s in a loaded build. libuv
 * runs 4 file operations at once by default; a few more queued keep it busy.
 */
const WRITE_CONCURRENCY = 16;

/** Runs `tasks`, at most `limit` at a time; rejects with the first failure once all settle. */
async function inParallel(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const lane = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      // Every task is tried: a failure stops nothing midway, and is thrown once all are done.
      await task().catch((err: unknown) => void failures.push(err));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  if (failures.length) throw failures[0];
}

/**
 * Renames the tree's one top folder (a content-named set, such as `search-chunks/<hash>`) to
 * `to`, and its record with it, so that the sync that follows keeps the files the new set shares
 * with the last one instead of writing every one under the new name and removing every old one
 * (100,000 stories: 28,766 chunk links and as many removals, ~25 s of a rebuild's end, for
 * ~6,000 changed files). Nothing is moved when the tree holds more or other than one folder, or
 * `to` is there already. The record's hashes must then tell files apart (a digest per file).
 */
export async function renameTopFolder(
  root: string,
  tree: string,
  to: string,
  stateFile: string,
): Promise<boolean> {
  const state = await readState(stateFile);
  const tops = new Set(Object.keys(state).map((rel) => rel.split(path.sep)[0]!));
  const [from] = tops;
  if (tops.size !== 1 || !from || from === to) return false;
  const dir = path.join(root, tree);
  const exists = (p: string) =>
    access(p).then(
      () => true,
      () => false,
    );
  if (!(await exists(path.join(dir, from))) || (await exists(path.join(dir, to)))) return false;
  try {
    await rename(path.join(dir, from), path.join(dir, to));
  } catch {
    return false;
  }
  const moved: Record<string, string> = {};
  for (const [rel, hash] of Object.entries(state))
    moved[path.join(to, path.relative(from, rel))] = hash;
  await writeFile(stateFile, JSON.stringify(moved));
  return true;
}

/** "3 written, 9,997 unchanged, 0 removed, in 0.4 s": the terminal line of a sync. */
export function describeSync(r: TreeSyncResult, startedMs: number): string {
  const s = ((performance.now() - startedMs) / 1000).toFixed(1);
  return `${r.written} written, ${r.kept} unchanged, ${r.removed} removed, in ${s} s`;
}

/** Where the record of `tree` in the build folder `root` is kept, under `cacheDir`. */
export function treeStateFile(cacheDir: string, root: string, tree: string): string {
  const key = createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${key}-${tree}.json`);
}

async function readState(file: string): Promise<Record<string, string>> {
  try {
    const state: unknown = JSON.parse(await readFile(file, 'utf8'));
    return state && typeof state === 'object' ? (state as Record<string, string>) : {};
  } catch {
    // No record (first build) or an unreadable one: every file is written.
    return {};
  }
}

/** Folders read at once while listing a tree. */
const LIST_CONCURRENCY = 16;

/**
 * Every regular file under `dir`, relative to it; none when it does not exist. Folders are read
 * LIST_CONCURRENCY at a time: `story/` holds a folder per story, and `readdir`'s own recursive
 * walk reads them one after the other (10,000 folders: 1.2–3.6 s, against 0.5–0.8 s 16 at a
 * time, load ~16), which at 100,000 stories was seconds of every rebuild.
 */
async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const queue = [''];
  let reading = 0;
  let failed: unknown = null;
  await new Promise<void>((resolve) => {
    const next = () => {
      if (failed !== null || (!queue.length && !reading)) return resolve();
      while (queue.length && reading < LIST_CONCURRENCY) {
        const rel = queue.pop()!;
        reading++;
        readdir(path.join(dir, rel), { withFileTypes: true }).then(
          (entries) => {
            for (const e of entries) {
              const r = rel ? path.join(rel, e.name) : e.name;
              if (e.isDirectory()) queue.push(r);
              else if (e.isFile()) files.push(r);
            }
            reading--;
            next();
          },
          (err: unknown) => {
            reading--;
            // The tree's own folder missing: nothing is there yet. Any other failure: as before,
            // the tree is taken as empty and every file is written again.
            failed = err;
            next();
          },
        );
      }
    };
    next();
  });
  return failed === null ? files : [];
}

/** Removes the now-empty folders among `dirs` and their parents, up to (not including) `root`. */
async function removeEmptyDirs(root: string, dirs: Set<string>): Promise<void> {
  const deepestFirst = [...dirs].sort((a, b) => b.length - a.length);
  for (let rel of deepestFirst) {
    while (rel && rel !== '.') {
      try {
        await rmdir(path.join(root, rel));
      } catch {
        break; // not empty (or gone): its parents are not empty either
      }
      rel = path.dirname(rel);
    }
  }
}

/** Hard-links `from` to `to` (replacing it); false when the disk or the system refuses. */
async function linked(from: string, to: string): Promise<boolean> {
  try {
    await rm(to, { force: true });
    await link(from, to);
    return true;
  } catch {
    return false;
  }
}
