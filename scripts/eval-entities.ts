/**
 * Scores the entity recognizer against a gold file, the way the reader would see the folder:
 * every `.txt` is parsed with `parseFile`, every story analysed, and the SET of (type, surface)
 * per document compared with the gold. MISC gold surfaces count neither way.
 *
 * Usage: npm run eval:entities -- <folder> <gold.json> [--errors]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeStory } from '../src/corpus/entities/recognize';
import type { EntityType } from '../src/corpus/entities/types';
import { loadFolder } from './lib/corpora';

type GoldType = 'PER' | 'LOC' | 'ORG' | 'MISC';
const TYPES: Record<EntityType, GoldType> = { person: 'PER', place: 'LOC', organization: 'ORG' };
const SCORED: GoldType[] = ['PER', 'LOC', 'ORG'];

const [dirArg, goldArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const showErrors = process.argv.includes('--errors');
if (!dirArg || !goldArg) {
  console.error('usage: eval-entities <folder> <gold.json> [--errors]');
  process.exit(2);
}
const gold = JSON.parse(readFileSync(goldArg, 'utf8')) as Record<
  string,
  { type: GoldType; text: string }[]
>;
const folder = loadFolder(path.resolve(dirArg));
const counts = Object.fromEntries(
  [...SCORED, 'ALL'].map((t) => [t, { tp: 0, fp: 0, fn: 0 }]),
) as Record<string, { tp: number; fp: number; fn: number }>;
const errors: string[] = [];

for (const file of folder.files) {
  const doc = `${file.fileId}.txt`;
  const golds = gold[doc] ?? [];
  const misc = new Set(golds.filter((g) => g.type === 'MISC').map((g) => g.text));
  const want = new Set(golds.filter((g) => g.type !== 'MISC').map((g) => `${g.type}\t${g.text}`));
  const got = new Set<string>();
  for (const story of file.stories) {
    for (const m of analyzeStory(story).mentions) {
      if (!misc.has(m.text)) got.add(`${TYPES[m.type]}\t${m.text}`);
    }
  }
  for (const key of got) {
    const type = key.slice(0, 3);
    const hit = want.has(key);
    for (const t of [type, 'ALL']) counts[t]![hit ? 'tp' : 'fp']++;
    if (!hit) errors.push(`${doc}\tFP\t${key}`);
  }
  for (const key of want) {
    if (got.has(key)) continue;
    for (const t of [key.slice(0, 3), 'ALL']) counts[t]!.fn++;
    errors.push(`${doc}\tFN\t${key}`);
  }
}

const f = (x: number): string => x.toFixed(3);
console.log(`${folder.files.length} documents, ${folder.stories.length} stories`);
console.log('type   P      R      F1     (tp/fp/fn)');
for (const t of [...SCORED, 'ALL']) {
  const { tp, fp, fn } = counts[t]!;
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  const f1 = (2 * p * r) / (p + r || 1);
  console.log(`${t.padEnd(6)} ${f(p)}  ${f(r)}  ${f(f1)}  (${tp}/${fp}/${fn})`);
}
if (showErrors) console.log(errors.join('\n'));
