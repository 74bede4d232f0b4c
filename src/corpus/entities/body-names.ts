/**
 * Names of public bodies, where the tagger cuts them where the words change kind: at the place
 * a body is "of", at the remits it lists, and after the country it belongs to.
 */
import { foldText } from '../normalize';
import type { Story } from '../types';
import type { Sentence, Span } from './document-rules';
import { GAZ, type NerLexicon } from './model/lexicon';

/**
 * Kinds of public body, association and institution whose names go on to say whose they are:
 * general English (the heads of the names of organizations), not taken from any evaluation text.
 */
const BODY_HEADS = new Set(
  (
    'academy agency alliance assembly association authority bank board bureau chamber church ' +
    'college commission committee confederation conference congress council court department ' +
    'federation forum foundation front fund guild institute institution league ministry movement ' +
    'museum office organisation organization parliament party service society syndicate trust ' +
    'tribunal union university'
  ).split(' '),
);

const LINKS = new Set(['of', 'for']);
const PLACE = 1;
const ORG = 2;
const COUNTRY = 1 << GAZ.country;

/**
 * An institution "of" or "for" a place is one organization: "Standards Board of England",
 * "Recording Industry Association of America", "Bank of Japan". The tagger reads the place on
 * its own (it is one, out of the name) and stops the organization before "of". `eng.train` has
 * 112 organizations with "of" or "for" inside ("Press Trust of India") and 18 times an
 * organization, "of" and a place apart: 17 are clubs and companies ("Benetton of Italy",
 * "Bestop Inc of Boulder"), one a bank. So only a name whose last word is a body's kind is
 * joined.
 *
 * Joins an organization span ending in a body's kind, "of"/"for", and the place span right
 * after it, into one organization. The place must start right after the link word: "Bank of
 * the West" is left to the tagger.
 */
export function joinBodiesOfPlaces(spans: Span[], sentences: Sentence[], story: Story): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < spans.length; k++) {
    const org = spans[k]!;
    const place = spans[k + 1];
    const toks = sentences[org.sentence]!.tokens;
    if (
      place &&
      org.type === ORG &&
      place.type === PLACE &&
      place.sentence === org.sentence &&
      place.first === org.last + 2 &&
      LINKS.has(toks[org.last + 1]!.text) &&
      BODY_HEADS.has(toks[org.last]!.text.toLowerCase())
    ) {
      const text = story.paragraphs[org.paragraph]!.slice(
        toks[org.first]!.start,
        toks[place.last]!.end,
      );
      out.push({ ...org, last: place.last, key: foldText(text), id: undefined });
      k++;
      continue;
    }
    out.push(org);
  }
  return out;
}

const CAPITALIZED = /^\p{Lu}\p{Ll}+$/u;
/**
 * The case prior's buckets of words capitalized in under 80 % of their mid-sentence uses: a word
 * written in lower case at least a fifth of the time is a common word ("Sport" is capitalized
 * often in BBC text, "Barclays" and "England" always).
 */
const COMMON_BUCKETS = 4;

/**
 * A body's name that lists its remit goes on past "and": "Department for Education and Skills",
 * "Department of Trade and Industry", "Department for Culture, Media and Sport". The tagger ends
 * it at the first remit and reads the last one ("Skills") as a name of its own. The name is
 * extended only over capitalized common words (the case prior: mostly written in lower case),
 * so "the Bank of England and Barclays" stays two names.
 */
export function continueBodyRemits(
  spans: Span[],
  sentences: Sentence[],
  story: Story,
  lexicon: NerLexicon,
): Span[] {
  const common = (w: string): boolean => {
    const bucket = lexicon.caseBucket(w.toLowerCase());
    return CAPITALIZED.test(w) && bucket > 0 && bucket <= COMMON_BUCKETS;
  };
  const out: Span[] = [];
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k]!;
    const toks = sentences[sp.sentence]!.tokens;
    const words = toks.slice(sp.first, sp.last + 1).map((t) => t.text);
    const link = words.findIndex((w, i) => i > 0 && LINKS.has(w));
    // The name must end in a remit itself ("for Education"), not in a place or a name: "the Bank
    // of England and Apple" is two names.
    if (
      sp.type !== ORG ||
      link < 0 ||
      !BODY_HEADS.has(words[link - 1]!.toLowerCase()) ||
      !common(words[words.length - 1]!)
    ) {
      out.push(sp);
      continue;
    }
    // ", Media", "and Sport": separators each followed by one capitalized common word, the
    // last one after "and".
    let end = sp.last;
    let j = sp.last + 1;
    let closed = false;
    while (j + 1 < toks.length && (toks[j]!.text === ',' || toks[j]!.text === 'and')) {
      if (!common(toks[j + 1]!.text)) break;
      const isAnd = toks[j]!.text === 'and';
      j += 2;
      if (isAnd) {
        end = j - 1;
        closed = true;
        break;
      }
    }
    const after = toks[end + 1]?.text ?? '';
    if (!closed || CAPITALIZED.test(after)) {
      out.push(sp);
      continue;
    }
    // Spans inside the extension give way; one crossing its end keeps the name as it was.
    let m = k + 1;
    while (m < spans.length && spans[m]!.sentence === sp.sentence && spans[m]!.last <= end) m++;
    const crossing = spans[m];
    if (crossing && crossing.sentence === sp.sentence && crossing.first <= end) {
      out.push(sp);
      continue;
    }
    const text = story.paragraphs[sp.paragraph]!.slice(toks[sp.first]!.start, toks[end]!.end);
    out.push({ ...sp, last: end, key: foldText(text), id: undefined });
    k = m - 1;
  }
  return out;
}

/** Government bodies: the heads of names a country's own institutions go by. General English. */
const GOVERNMENT_HEADS = new Set(
  (
    'administration agency assembly authority bureau commission committee congress council court ' +
    'department ministry office parliament senate service treasury'
  ).split(' '),
);
/**
 * The bodies a country has one of, named by the one word: "Congress", "Parliament". Any other
 * body is split off its country only when its own name has words enough ("State Department",
 * not "Embassy").
 */
const ONE_WORD_BODIES = new Set(['congress', 'parliament', 'senate', 'treasury']);

/**
 * A country's name before one of its government bodies is a place of its own, and the body is
 * named without it: "US Congress" is the place "US" and the organization "Congress". A
 * deliberate departure from CoNLL-2003, which keeps the country inside (`eng.train`: 53 times
 * against 8), for the reader's sake: the body is the same organization whether the story names
 * its country or not ("Congress", "the State Department"), so its entity page gathers every
 * mention, and the country is marked as a place where it is named (as OntoNotes annotates it).
 * Only a country's name or abbreviation is split off ("U.S." as "US"), not a nationality
 * adjective: "Chinese" would be unmarked (MISC), and "Indian National Congress" is one name.
 */
export function splitCountryBodies(
  spans: Span[],
  sentences: Sentence[],
  story: Story,
  lexicon: NerLexicon,
): Span[] {
  const out: Span[] = [];
  for (const sp of spans) {
    const toks = sentences[sp.sentence]!.tokens;
    const first = toks[sp.first]!.text;
    const undotted = first.replace(/\./g, '').toLowerCase();
    const country =
      ((lexicon.phrase(undotted) | lexicon.phrase(first.toLowerCase())) & COUNTRY) !== 0;
    if (
      sp.type !== ORG ||
      sp.last === sp.first ||
      !country ||
      !governmentBody(toks, sp.first + 1, sp.last) ||
      (sp.last === sp.first + 1 && !ONE_WORD_BODIES.has(toks[sp.last]!.text.toLowerCase()))
    ) {
      out.push(sp);
      continue;
    }
    const para = story.paragraphs[sp.paragraph]!;
    const fold = (a: number, b: number): string =>
      foldText(para.slice(toks[a]!.start, toks[b]!.end));
    out.push({ ...sp, last: sp.first, type: PLACE, key: fold(sp.first, sp.first), id: undefined });
    out.push({ ...sp, first: sp.first + 1, key: fold(sp.first + 1, sp.last), id: undefined });
  }
  return out;
}

/**
 * Whether words [a, b] name a government body: its head last ("State Department") or before
 * what it is "of" ("Department of Justice").
 */
function governmentBody(toks: readonly { text: string }[], a: number, b: number): boolean {
  if (GOVERNMENT_HEADS.has(toks[b]!.text.toLowerCase())) return true;
  for (let k = a; k < b; k++)
    if (LINKS.has(toks[k + 1]!.text) && GOVERNMENT_HEADS.has(toks[k]!.text.toLowerCase()))
      return true;
  return false;
}
