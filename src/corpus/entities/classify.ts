import type { Span } from './candidates';
import { fold } from './candidates';
import type { Gazetteer } from './gazetteer';
import {
  COMMON_ACRONYMS,
  COMPASS,
  NEWS_AGENCIES,
  ORG_HEADS,
  ORG_TAILS,
  PLACE_ACRONYMS,
  PLACE_HEADS,
  PLACE_PREPS,
  PLACE_TAILS,
  SPEECH_VERBS,
  SPORTS_CUES,
  STATE_WORDS,
  TITLES,
} from './lexicon';
import type { CaseStats, Tok } from './tokens';
import type { EntityType } from './types';

/** A typing decision; `strong` ones teach the rest of the story (consistency, short forms). */
export interface Verdict {
  type: EntityType | null;
  strong: boolean;
  /** Named as a sports team: every other mention of the surface in the story is the team too. */
  team?: boolean;
}

const NONE: Verdict = { type: null, strong: false };
const strong = (type: EntityType): Verdict => ({ type, strong: true });
const weak = (type: EntityType): Verdict => ({ type, strong: false });

// "Jong-un", "Son-hui": a hyphenated given name, Korean style.
const HYPHEN_GIVEN = /^\p{Lu}\p{Ll}+[-‐]\p{Ll}+$/u;

/** Types one candidate from its own words and the words around it. */
export function classify(
  toks: readonly Tok[],
  span: Span,
  stats: CaseStats,
  gaz: Gazetteer,
): Verdict {
  const { first: a, last: b } = span;
  const n = b - a + 1;
  const whole = fold(toks, a, b);
  const head = toks[a]!;
  const tail = toks[b]!;
  const prev = toks[a - 1];
  const next = toks[b + 1];
  if (head.dateline) return strong('place');
  if (
    NEWS_AGENCIES.has(whole) ||
    (n === 2 && NEWS_AGENCIES.has(head.fold) && NEWS_AGENCIES.has(tail.fold))
  )
    return strong('organization');
  if (gaz.places.has(whole)) {
    // A city next to a score or a "v" is a team: "Surrey 429-7", "Minnesota 6 MILWAUKEE 1".
    if (!gaz.countries.has(whole) && isTeamContext(prev, next))
      return { type: 'organization', strong: true, team: true };
    return strong('place');
  }
  if (n > 1 && COMPASS.has(head.fold) && gaz.places.has(fold(toks, a + 1, b)))
    return strong('place');
  if (n > 1 && COMPASS.has(tail.fold)) return strong('place');
  if (PLACE_TAILS.has(tail.fold) && n > 1) return strong('place');
  for (let i = a; i <= b && n > 1; i++) if (STATE_WORDS.has(toks[i]!.fold)) return strong('place');
  // "the two Koreas": the plural of a place is still that place.
  if (n === 1 && head.fold.endsWith('s') && gaz.countries.has(head.fold.slice(0, -1)))
    return strong('place');
  if (n > 2 && PLACE_HEADS.has(head.fold) && toks[a + 1]!.fold === 'of') return strong('place');
  for (let i = a; i <= b; i++) {
    if (ORG_TAILS.has(toks[i]!.fold) && n > 1) return strong('organization');
  }
  // A place followed by other capitalized words is a team or a firm: "Seattle Mariners",
  // "Kansai Electric Power", "Paris St Germain".
  for (let k = Math.min(b - 1, a + 2); k >= a; k--) {
    if (gaz.places.has(fold(toks, a, k)) && !gaz.firstNames.has(head.fold))
      return strong('organization');
  }
  if (n > 2 && ORG_HEADS.has(head.fold) && toks[a + 1]!.fold === 'of')
    return strong('organization');
  if (n === 1 && COMMON_ACRONYMS.has(head.fold)) return NONE;
  if (n === 1 && head.shape === 'upper') {
    if (PLACE_ACRONYMS.has(head.fold.replace(/\./gu, ''))) return strong('place');
    return head.text.length <= 6 ? strong('organization') : weak('organization');
  }
  if (span.titled) return strong('person');
  if (n === 1 && COMPASS.has(head.fold)) {
    // "the West": a region only when written as a proper noun after "the".
    return prev?.fold === 'the' && !head.sentStart ? weak('place') : NONE;
  }
  let hyphenGiven = false;
  for (let i = a + 1; i <= b; i++) if (HYPHEN_GIVEN.test(toks[i]!.text)) hyphenGiven = true;
  if (
    n >= 2 &&
    n <= 4 &&
    (gaz.firstNames.has(head.fold) || hyphenGiven || /^\p{Lu}\.$/u.test(head.text))
  )
    return strong('person');
  if (prev && (TITLES.has(prev.fold) || prev.fold === 'by') && prev.shape === 'lower' && n <= 3)
    return weak('person');
  // "in Pyongyang" but not "in Sandiford’s suitcase": a possessor is not where things are.
  if (prev && PLACE_PREPS.has(prev.fold) && prev.shape === 'lower' && tail.fullEnd === tail.end)
    return weak('place');
  if (isTeamContext(prev, next) && n <= 3) return weak('organization');
  if (next && SPEECH_VERBS.has(next.fold) && !(n === 1 && head.sentStart)) {
    return prev?.fold === 'the' ? weak('organization') : weak('person');
  }
  if (n >= 2 && n <= 3) return weak('person');
  if (n > 3) return weak('organization');
  // A lone word: a name only if the story writes it capitalized mid-sentence, never lower-case.
  if (stats.lower.has(head.fold)) return NONE;
  if (gaz.firstNames.has(head.fold) && !head.sentStart && head.shape === 'cap')
    return weak('person');
  // "DeepSeek", "YouTube": a capital inside a word is a brand.
  if (/^\p{Lu}\p{Ll}+\p{Lu}/u.test(head.text)) return weak('organization');
  if (head.sentStart && !stats.cap.has(head.fold)) return NONE;
  return { type: null, strong: false };
}

const SCORE = /^\d+(?:-\d+)?$/u;

function isTeamContext(prev: Tok | undefined, next: Tok | undefined): boolean {
  if (next && next.shape === 'num' && SCORE.test(next.text) && /^ $/u.test(next.gap)) return true;
  if (next && SPORTS_CUES.has(next.fold) && next.shape === 'lower') return true;
  return !!prev && SPORTS_CUES.has(prev.fold) && prev.shape === 'lower';
}
