import { foldText } from '../normalize';
import { EXTRA_PLACES, US_STATES } from './lexicon';
import { CAPITALS, CITIES, CONTINENTS, COUNTRIES, FIRST_NAMES } from './gazetteer-data';

/** Folded lookup sets over the generated gazetteers, built once on first use. */
export interface Gazetteer {
  /** Countries, continents, capitals and large cities ("north korea", "pyongyang"). */
  places: ReadonlySet<string>;
  /** Countries and continents only: these never name a person or team by themselves. */
  countries: ReadonlySet<string>;
  /** Capital cities. */
  capitals: ReadonlySet<string>;
  /** English given names ("vladimir", "lisa"). */
  firstNames: ReadonlySet<string>;
}

let cached: Gazetteer | null = null;

const folded = (list: string): string[] => list.split('|').map(foldText);

/** The shared gazetteer (lazy: the worker pays for it on the first story only). */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const countries = new Set([...folded(COUNTRIES), ...folded(CONTINENTS), ...EXTRA_PLACES]);
  const capitals = new Set(folded(CAPITALS));
  const places = new Set([...countries, ...capitals, ...US_STATES, ...folded(CITIES)]);
  cached = { places, countries, capitals, firstNames: new Set(folded(FIRST_NAMES)) };
  return cached;
}
