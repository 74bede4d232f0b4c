/**
 * Titles of works: "horror film Critters 3", "movie The Aviator", "1943 film The Outlaw". CoNLL
 * calls them MISC, which the reader does not show, but its Reuters text of 1996 has not one name
 * after "film" or "movie", so the tagger types a title by its words: a place ("The Aviator"), a
 * person ("Romeo"), an organization ("Critters"). The noun before a title says what it is.
 */
import type { Sentence, Span } from './document-rules';
import { GAZ, type NerLexicon } from './model/lexicon';
import { normalizeToken } from './model/normalize-token';

/** Nouns for kinds of work that go right before a work's title: general English. */
const WORK_NOUNS = new Set(
  (
    'album albums film films movie movies novel novels musical opera sitcom documentary ' +
    'single singles song songs'
  ).split(' '),
);
const PER = 0;
const MISC = 3;
/** Names the gazetteers know as places: "a single US market" is an adjective before a country. */
const PLACES = (1 << GAZ.country) | (1 << GAZ.region) | (1 << GAZ.city) | (1 << GAZ.demonym);

/**
 * A name right after a kind of work is a work's title, and so is every mention of it in the
 * story: the noun is the story's own evidence, stronger than the tagger's reading of the title's
 * words. A person the story names in full is no title ("the film Spielberg made"), and a place
 * the gazetteers know is none either: "single" and "novel" are adjectives too ("not a single US
 * soldier"), and a title named after a place is rarer than that.
 */
export function workTitles(spans: Span[], sentences: Sentence[], lexicon: NerLexicon): void {
  const people = new Set<string>();
  for (const sp of spans)
    if (sp.type === PER && sp.last > sp.first) {
      people.add(sp.key);
      people.add(sp.key.slice(sp.key.lastIndexOf(' ') + 1));
    }
  const works = new Set<string>();
  for (const sp of spans) {
    if (people.has(sp.key)) continue;
    const toks = sentences[sp.sentence]!.tokens;
    const words = toks.slice(sp.first, sp.last + 1).map((t) => normalizeToken(t.text));
    if (lexicon.phrase(words.join(' ').toLowerCase()) & PLACES) continue;
    // A title's "The" is left out of an organization's span ("film The Outlaw").
    const at = toks[sp.first - 1]?.text === 'The' ? sp.first - 2 : sp.first - 1;
    const before = toks[at]?.text;
    if (before && WORK_NOUNS.has(before)) works.add(sp.key);
  }
  if (!works.size) return;
  for (const sp of spans) if (works.has(sp.key)) sp.type = MISC;
}
