/**
 * Baselines for bench:search, never imported by src/: plain Fuse.js over whole article bodies
 * (what the product team measured at 100–1,300 ms a query) and MiniSearch with prefix and fuzzy
 * search. Both get the same stories and the same keystrokes as our engine.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Story } from '../../src/corpus/types';

export interface Baseline {
  name: string;
  buildMs: number;
  /** Serialized size in bytes, when the library can serialize its index. */
  sizeBytes: number | null;
  search: (query: string) => number;
}

interface Doc {
  id: string;
  title: string;
  body: string;
}

const docsOf = (stories: readonly Story[]): Doc[] =>
  stories.map((s) => ({ id: s.id, title: s.title, body: s.paragraphs.join('\n') }));

export function fuseBaseline(stories: readonly Story[]): Baseline {
  const t = performance.now();
  const fuse = new Fuse(docsOf(stories), {
    keys: [
      { name: 'title', weight: 2 },
      { name: 'body', weight: 1 },
    ],
    ignoreLocation: true,
    threshold: 0.3,
  });
  const buildMs = performance.now() - t;
  return {
    name: 'fuse-bodies',
    buildMs,
    sizeBytes: JSON.stringify(fuse.getIndex().toJSON()).length,
    search: (q) => fuse.search(q, { limit: 20 }).length,
  };
}

export function miniSearchBaseline(stories: readonly Story[]): Baseline {
  const t = performance.now();
  const ms = new MiniSearch<Doc>({
    fields: ['title', 'body'],
    searchOptions: {
      boost: { title: 2 },
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: 0.2,
      combineWith: 'AND',
    },
  });
  ms.addAll(docsOf(stories));
  const buildMs = performance.now() - t;
  return {
    name: 'minisearch',
    buildMs,
    sizeBytes: JSON.stringify(ms).length,
    search: (q) => ms.search(q).slice(0, 20).length,
  };
}
