/**
 * Judged search eval: runs fixtures/search/judged-queries.json against the seeds and the BBC
 * folder and prints success@1 and MRR, overall and per query class. Entity filters use the
 * recognizer (src/corpus/entities) when it is in the tree; otherwise those queries are skipped.
 *
 *   npm run eval:search
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setEntities } from '../src/corpus/search/entities';
import { parseQuery } from '../src/corpus/search/query-parser';
import { search, warmSearch } from '../src/corpus/search/search';
import { buildSearchIndex } from '../src/corpus/search/search-index';
import type { SearchIndex } from '../src/corpus/search/types';
import { ROOT } from './lib/corpora';
import { bbc, hasBbc, recognizeEntities, seeds } from './lib/search-corpora';

interface Judged {
  corpus: 'seeds' | 'bbc';
  class: string;
  query: string;
  expected: string[];
  note?: string;
}

const fixture = JSON.parse(
  readFileSync(path.join(ROOT, 'fixtures/search/judged-queries.json'), 'utf8'),
) as { queries: Judged[] };

async function main(): Promise<void> {
  const indexes = new Map<string, SearchIndex>();
  let entitiesOk = true;
  for (const corpus of ['seeds', 'bbc'] as const) {
    if (corpus === 'bbc' && !hasBbc()) continue;
    const stories = corpus === 'seeds' ? seeds().stories : bbc().stories;
    const index = buildSearchIndex(stories);
    const entities = await recognizeEntities(stories);
    if (entities) setEntities(index, entities);
    else entitiesOk = false;
    warmSearch(index);
    indexes.set(corpus, index);
  }
  if (!entitiesOk) {
    console.log(
      'note: src/corpus/entities/recognize.ts not found: person:/place:/org: queries skipped',
    );
  }
  const rows: Array<{ j: Judged; rank: number; ms: number }> = [];
  let skipped = 0;
  for (const j of fixture.queries) {
    const index = indexes.get(j.corpus);
    const entityFilter = parseQuery(j.query).filters.some((f) => f.field !== 'section');
    if (!index || (entityFilter && !entitiesOk)) {
      skipped++;
      continue;
    }
    const t = performance.now();
    const r = search(index, j.query, { limit: 50 });
    const ms = performance.now() - t;
    const pos = r.stories.findIndex((s) => j.expected.includes(s.storyId));
    rows.push({ j, rank: pos < 0 ? 0 : pos + 1, ms });
    const got = r.stories
      .slice(0, 3)
      .map((s) => s.storyId)
      .join(', ');
    console.log(
      `${pos === 0 ? 'ok  ' : 'MISS'} ${j.corpus.padEnd(5)} ${j.class.padEnd(7)} rank ${String(pos < 0 ? '-' : pos + 1).padStart(2)}  ${JSON.stringify(j.query).padEnd(46)} top: ${got}${r.partial ? ' (partial)' : ''}`,
    );
  }
  const summarize = (label: string, rs: typeof rows): string => {
    const s1 = rs.filter((r) => r.rank === 1).length / Math.max(1, rs.length);
    const mrr = rs.reduce((a, r) => a + (r.rank ? 1 / r.rank : 0), 0) / Math.max(1, rs.length);
    return `${label.padEnd(8)} n=${String(rs.length).padStart(2)}  success@1 ${s1.toFixed(3)}  MRR ${mrr.toFixed(3)}`;
  };
  console.log('');
  for (const cls of [...new Set(rows.map((r) => r.j.class))].sort()) {
    console.log(
      summarize(
        cls,
        rows.filter((r) => r.j.class === cls),
      ),
    );
  }
  for (const corpus of ['seeds', 'bbc']) {
    console.log(
      summarize(
        corpus,
        rows.filter((r) => r.j.corpus === corpus),
      ),
    );
  }
  console.log(summarize('ALL', rows));
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `query time (whole query, caches warmed): median ${(ms[Math.floor(ms.length / 2)] ?? 0).toFixed(2)} ms, max ${(ms.at(-1) ?? 0).toFixed(2)} ms`,
  );
  if (skipped) console.log(`skipped ${skipped} queries (no corpus or no entity data)`);
}

void main();
