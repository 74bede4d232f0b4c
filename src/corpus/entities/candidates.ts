import type { Gazetteer } from './gazetteer';
import {
  COMPASS,
  EVENT_TAILS,
  FUNCTION_WORDS,
  NAME_PARTICLES,
  ORG_HEADS,
  ORG_TAILS,
  PLACE_ACRONYMS,
  PLACE_HEADS,
  PLACE_TAILS,
  PORTFOLIOS,
  TITLES,
  TITLE_LINKS,
  isDemonym,
} from './lexicon';
import type { CaseStats, Tok } from './tokens';

/** A run of name-like tokens `toks[first..last]` with what was learnt while cutting it. */
export interface Span {
  first: number;
  last: number;
  /** A title or honorific stood right before it ("President", "Minister of Foreign Affairs"). */
  titled: boolean;
}

const isNameTok = (t: Tok): boolean => t.shape === 'cap' || t.shape === 'upper';
const JOIN_GAP = /^[ \u00a0]$/u;
const isTitle = (t: Tok): boolean =>
  t.shape !== 'lower' && (TITLES.has(t.fold) || t.fold.split(/[-‐]/u).some((p) => TITLES.has(p)));

/** Maximal runs of capitalized words, joined across "of" after a head word ("Gulf of Tonkin"). */
function rawRuns(toks: readonly Tok[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!isNameTok(toks[i]!)) continue;
    let j = i;
    for (;;) {
      const cur = toks[j]!;
      const next = toks[j + 1];
      if (!next || !JOIN_GAP.test(next.gap) || cur.modifier) break;
      // A possessive ends a name, except inside "People’s Republic", "People’s Bank".
      if (cur.fullEnd !== cur.end && !(isNameTok(next) && isHead(next.fold))) break;
      if (isNameTok(next)) {
        j++;
        continue;
      }
      const after = toks[j + 2];
      const linkable =
        (next.fold === 'of' || next.fold === 'for') &&
        (isHead(cur.fold) || ORG_TAILS.has(cur.fold) || isTitle(cur));
      const particle = NAME_PARTICLES.has(next.fold) && next.shape === 'lower';
      if ((linkable || particle) && after && isNameTok(after) && JOIN_GAP.test(after.gap)) {
        j += 2;
        continue;
      }
      break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

const isHead = (fold: string): boolean => ORG_HEADS.has(fold) || PLACE_HEADS.has(fold);

/** Cuts raw runs into candidate names: titles, nationality words and function words go. */
export function candidates(toks: readonly Tok[], stats: CaseStats, gaz: Gazetteer): Span[] {
  const out: Span[] = [];
  for (const [a, b] of rawRuns(toks)) refine(toks, a, b, false, stats, gaz, out);
  return out;
}

function refine(
  toks: readonly Tok[],
  a: number,
  b: number,
  titled: boolean,
  stats: CaseStats,
  gaz: Gazetteer,
  out: Span[],
): void {
  // Leading and trailing function words, days and months ("The US", "In March").
  while (a <= b && isDroppable(toks, a, b, stats)) a++;
  while (b >= a && (FUNCTION_WORDS.has(toks[b]!.fold) || toks[b]!.shape === 'lower')) b--;
  if (a > b) return;
  const whole = fold(toks, a, b);
  if (gaz.places.has(whole)) {
    out.push({ first: a, last: b, titled });
    return;
  }
  // "US Congress", "U.S. Treasury": a country's short form leads into the institution.
  if (
    b > a &&
    toks[a]!.shape === 'upper' &&
    PLACE_ACRONYMS.has(toks[a]!.fold.replace(/\./gu, ''))
  ) {
    out.push({ first: a, last: a, titled });
    return refine(toks, a + 1, b, titled, stats, gaz, out);
  }
  const lastFold = toks[b]!.fold;
  const institutional =
    ORG_TAILS.has(lastFold) ||
    PLACE_TAILS.has(lastFold) ||
    (isHead(toks[a]!.fold) && b > a && toks[a + 1]!.fold === 'of');
  if (!institutional) {
    // The last title with a name after it splits the run: "US Secretary of State | Antony Blinken".
    for (let k = b - 1; k >= a; k--) {
      if (!isTitle(toks[k]!)) continue;
      let n = k + 1;
      while (
        n <= b &&
        (isTitle(toks[n]!) || TITLE_LINKS.has(toks[n]!.fold) || PORTFOLIOS.has(toks[n]!.fold))
      )
        n++;
      if (n > b) continue;
      let m = k;
      while (m > a && (isTitle(toks[m - 1]!) || PORTFOLIOS.has(toks[m - 1]!.fold))) m--;
      if (m > a) refine(toks, a, m - 1, titled, stats, gaz, out);
      refine(toks, n, b, true, stats, gaz, out);
      return;
    }
  }
  // Nationality words lead into the name ("North Korean leader", "Chinese Maritime …").
  let c = a;
  while (c <= b) {
    const t = toks[c]!;
    const compassDemonym =
      COMPASS.has(t.fold) &&
      c < b &&
      isDemonym(toks[c + 1]!.fold, gaz.places.has(toks[c + 1]!.fold));
    if (compassDemonym) c += 2;
    else if (isDemonym(t.fold, gaz.places.has(t.fold) || gaz.firstNames.has(t.fold))) c++;
    else break;
  }
  if (c > b) return;
  // ...and trail out of it ("Total Canadian").
  if (
    b > c &&
    isDemonym(toks[b]!.fold, gaz.places.has(toks[b]!.fold) || gaz.firstNames.has(toks[b]!.fold))
  )
    return refine(toks, a, b - 1, titled, stats, gaz, out);
  // "Grand Prix", "World Cup", "Labor Day": events are not ours; "W L PCT" headers neither.
  if (EVENT_TAILS.has(lastFold)) return;
  // ...numbered ones too ("World War II", "Super Bowl XL"), while "Elizabeth II" stays a person.
  if (b > a && /^[ivxl]+$/u.test(lastFold) && EVENT_TAILS.has(toks[b - 1]!.fold)) return;
  let letters = true;
  for (let i = a; i <= b; i++) if (toks[i]!.text.replace(/\./gu, '').length > 1) letters = false;
  if (letters && b > a) return;
  // ...unless they are part of an institution's name ("Korean Central News Agency").
  if (c > a && !(ORG_TAILS.has(lastFold) || PLACE_TAILS.has(lastFold)))
    return refine(toks, c, b, titled, stats, gaz, out);
  if (isTitle(toks[b]!) && !institutional) {
    if (b > a) refine(toks, a, b - 1, titled, stats, gaz, out);
    return;
  }
  out.push({ first: a, last: b, titled });
}

function isDroppable(toks: readonly Tok[], a: number, b: number, stats: CaseStats): boolean {
  const t = toks[a]!;
  if (FUNCTION_WORDS.has(t.fold) || t.shape === 'lower') return true;
  // "Top Russian officials": a sentence-opening word the story also writes in lower case.
  return t.sentStart && a < b && stats.lower.has(t.fold);
}

/** The folded surface of `toks[a..b]`, single-spaced. */
export function fold(toks: readonly Tok[], a: number, b: number): string {
  let s = toks[a]!.fold;
  for (let i = a + 1; i <= b; i++) s += ' ' + toks[i]!.fold;
  return s;
}
