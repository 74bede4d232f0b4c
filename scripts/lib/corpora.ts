import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFile } from '../../src/corpus/parse-file';
import type { ParsedFile, Story } from '../../src/corpus/types';

/** Paths of the shared corpora, relative to the project root (never copied into the repo). */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SEEDS_DIR = path.join(ROOT, 'public/seeds');
export const BBC_DIR = path.resolve(ROOT, '../shared/corpora/bbc');
export const CONLL_DIR = path.resolve(ROOT, '../shared/corpora/conll-dev');

export interface LoadedFolder {
  files: ParsedFile[];
  stories: Story[];
  /** Total bytes of the `.txt` files read. */
  bytes: number;
}

/** Reads and parses every `.txt` file under `dir`, as the app would (ids relative to `dir`). */
export function loadFolder(dir: string): LoadedFolder {
  const files: ParsedFile[] = [];
  let bytes = 0;
  for (const rel of listTxt(dir)) {
    const buf = readFileSync(path.join(dir, rel));
    bytes += buf.length;
    const id = rel.slice(0, -'.txt'.length);
    const slash = id.lastIndexOf('/');
    files.push(
      parseFile({ fileId: id, section: slash >= 0 ? id.slice(0, slash) : null, bytes: buf }),
    );
  }
  return { files, stories: files.flatMap((f) => f.stories), bytes };
}

export function listTxt(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) out.push(...listTxt(dir, rel));
    else if (name.endsWith('.txt') && !name.startsWith('.')) out.push(rel);
  }
  return out;
}

/** Small seeded PRNG (mulberry32) so generated corpora are identical run to run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic folder of `n` BBC-layout articles made from the BBC texts: each keeps a real
 * article's headline and section and mixes its paragraphs with paragraphs of other articles of
 * the same section, so vocabulary, lengths and entity density stay realistic at 10,000 articles.
 * Returns file texts keyed by relative path (`business/00042.txt`).
 */
export function synthesizeFolder(n: number, seed = 42): Map<string, string> {
  const bbc = loadFolder(BBC_DIR).stories.filter((s) => s.kind === 'main');
  const bySection = new Map<string, Story[]>();
  for (const s of bbc)
    bySection.set(s.section ?? '', [...(bySection.get(s.section ?? '') ?? []), s]);
  const rand = rng(seed);
  const out = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const base = bbc[i % bbc.length]!;
    const pool = bySection.get(base.section ?? '')!;
    const paras = base.paragraphs.filter(() => rand() < 0.7);
    const extra = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < extra; k++) {
      const other = pool[Math.floor(rand() * pool.length)]!;
      const p = other.paragraphs[Math.floor(rand() * other.paragraphs.length)];
      if (p) paras.splice(Math.floor(rand() * (paras.length + 1)), 0, p);
    }
    const title = i < bbc.length ? base.title : `${base.title} (${Math.floor(i / bbc.length) + 1})`;
    out.set(
      `${base.section}/${String(i).padStart(5, '0')}.txt`,
      `${title}\n\n${paras.join('\n\n')}\n`,
    );
  }
  return out;
}

/** Writes `synthesizeFolder(n)` to disk (for the browser benches); returns the folder. */
export function writeSynthFolder(dir: string, n: number): string {
  for (const [rel, text] of synthesizeFolder(n)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Parses a synthetic folder in memory (no disk), as `loadFolder` would. */
export function loadSynth(n: number): LoadedFolder {
  const files: ParsedFile[] = [];
  let bytes = 0;
  const enc = new TextEncoder();
  for (const [rel, text] of synthesizeFolder(n)) {
    const buf = enc.encode(text);
    bytes += buf.length;
    const id = rel.replace(/\.txt$/u, '');
    files.push(parseFile({ fileId: id, section: id.slice(0, id.lastIndexOf('/')), bytes: buf }));
  }
  return { files, stories: files.flatMap((f) => f.stories), bytes };
}
