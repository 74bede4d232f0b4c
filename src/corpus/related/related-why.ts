import type { RelatedIndex } from './related-index';
import { ENTITY_PREFIX } from './related-options';

/**
 * What a related list says about its stories: the shared names and terms behind a hit, and a
 * story's own distinguishing terms ("More like this"). Read from the index's rows only, apart
 * from the ranking (`related-query.ts`) so that each can change alone.
 */
export interface HitReasons {
  /** Canonical entity ids both stories mention, strongest contribution first. */
  sharedEntities: string[];
  /** Shared terms as lower-case words ("putin", "tariffs"), strongest first, at most 5. */
  sharedTerms: string[];
}

const SHARED_TERMS = 5;

/** Shared features of the story scattered in `dense` and story b, by contribution. */
export function why(index: RelatedIndex, dense: Float32Array, b: number): HitReasons {
  const { docStart, docFeature, docWeight, features } = index;
  const entities: { name: string; c: number }[] = [];
  const termF: number[] = [];
  const termC: number[] = [];
  for (let j = docStart[b]!; j < docStart[b + 1]!; j++) {
    const f = docFeature[j]!;
    const wa = dense[f]!;
    if (wa === 0) continue;
    const name = features[f]!;
    if (name.startsWith(ENTITY_PREFIX)) entities.push({ name, c: wa * docWeight[j]! });
    else {
      termF.push(f);
      termC.push(wa * docWeight[j]!);
    }
  }
  entities.sort(byContribution);
  // The few strongest terms: repeated selection beats sorting every shared term.
  const sharedTerms: string[] = [];
  while (sharedTerms.length < SHARED_TERMS) {
    let at = -1;
    for (let i = 0; i < termF.length; i++) {
      if (termC[i]! < 0) continue;
      if (
        at < 0 ||
        termC[i]! > termC[at]! ||
        (termC[i] === termC[at] && features[termF[i]!]! < features[termF[at]!]!)
      ) {
        at = i;
      }
    }
    if (at < 0) break;
    termC[at] = -1;
    const name = features[termF[at]!]!;
    if (!coveredBy(name, sharedTerms)) sharedTerms.push(name);
  }
  return {
    sharedEntities: entities.map((x) => x.name.slice(ENTITY_PREFIX.length)),
    sharedTerms,
  };
}

function byContribution(x: { name: string; c: number }, y: { name: string; c: number }): number {
  return y.c - x.c || (x.name < y.name ? -1 : 1);
}

/** "korea" adds nothing after "north korea" has been listed. */
function coveredBy(term: string, listed: string[]): boolean {
  return listed.some((t) => t.includes(' ') && t.split(' ').includes(term));
}

/**
 * The story's distinguishing terms, heaviest first: single folded words (no bigrams, no
 * entity ids), ready to be typed into the search box for "More like this". Ranked by classic
 * TF-IDF (the row order, see `RelatedIndex`), so rare names come before the broad topic words
 * the similarity score prefers.
 */
export function distinguishingTerms(index: RelatedIndex, storyId: string, n = 8): string[] {
  const d = index.storyIds.indexOf(storyId);
  if (d < 0) throw new Error(`Unknown story: ${storyId}`);
  return distinguishingTermsAt(index, d, n);
}

/** `distinguishingTerms` of document d (no search for the id: the build asks for every story). */
export function distinguishingTermsAt(index: RelatedIndex, d: number, n = 8): string[] {
  const { docStart, docFeature, features } = index;
  const row: { name: string }[] = [];
  for (let i = docStart[d]!; i < docStart[d + 1]!; i++)
    row.push({ name: features[docFeature[i]!]! });
  const out: string[] = [];
  for (const { name } of row) {
    // A bigram's words are taken one by one: search takes words, and the pair ranks them.
    const words = name.startsWith(ENTITY_PREFIX) ? [] : name.split(' ');
    for (const w of words) if (out.length < n && !out.includes(w)) out.push(w);
    if (out.length >= n) break;
  }
  return out;
}
