/**
 * Boundary rules applied to each span the tagger proposes: conventions of the annotation that a
 * rule states exactly and that the training text has too few examples of to learn.
 */
import { isSentenceInitial } from './model/doc-context';
import { GAZ, type NerLexicon } from './model/lexicon';
import type { WordToken } from './word-tokens';

const WORDLIKE = /[\p{L}\p{N}]/u;
const isUpper = (w: string): boolean => w === w.toUpperCase() && w !== w.toLowerCase();

/** English honorifics, general knowledge (with and without the full stop). */
const HONORIFICS = new Set(
  'mr mr. mrs mrs. ms ms. miss mx dr dr. sir dame lord lady prof prof. rev rev.'.split(' '),
);

/** Titles whose "of …" names a portfolio, not an organization: "Minister of Foreign Affairs". */
const PORTFOLIO_TITLES = new Set(
  'minister ministers secretary secretaries commissioner commissioners director chancellor'.split(
    ' ',
  ),
);

/**
 * Upper-case abbreviations of common nouns (titles, units, media, measures): general English,
 * never a name by themselves and never the end of one ("Labour MP", "the CD", "VAT").
 */
const COMMON_ACRONYMS = new Set(
  (
    'mp mps mep meps msp am pm gmt bst utc tv dvd dvds cd cds pc pcs id gdp gnp vat ceo cfo coo ' +
    'cto md ipo ipos pr hr faq vip usb lcd hd fm km kg mph rpm sos dj djs mc cv phd mba obe mbe ' +
    'cbe gcse gcses hiv dna gps sms ai it qc'
  ).split(' '),
);

/**
 * Nouns of physical geography (general knowledge, as in any atlas's glossary): the head of a
 * place's name. Built-environment heads (Street, House, Airport, Park) are left to the tagger:
 * CoNLL's train split names organizations with them as often as places.
 */
const LANDFORMS = new Set(
  (
    'peninsula island islands isle isles archipelago sea ocean river lake lakes mountain ' +
    'mountains mount range valley bay gulf strait straits desert plateau plain plains glacier ' +
    'canyon cape delta fjord lagoon reef volcano'
  ).split(' '),
);

/**
 * Legal forms of companies as English-language news writes them after the name (general
 * knowledge, as in any list of business entity types): Inc, Corp, Ltd, plc, Bros, AG, GmbH…
 */
const LEGAL_FORMS = new Set(
  'inc corp corporation co ltd llc llp plc bros brothers ag sa nv bv gmbh spa'.split(' '),
);

/** The case prior's bucket of words almost never capitalized mid-sentence (see lexicon.ts). */
const LOWER_CASE_WORD = 1;
/** Buckets of words capitalized in under half of their mid-sentence uses. */
const MOSTLY_LOWER = 3;

export interface SpanInput {
  tokens: readonly WordToken[];
  /** The paragraph's text (offsets of `tokens` point into it). */
  text: string;
  first: number;
  last: number;
  /** 0 PER, 1 LOC, 2 ORG, 3 MISC. */
  type: number;
  /** True when a person's name starts right after the span. */
  personFollows: boolean;
  lexicon: NerLexicon;
}

/** The span after the rules (its type may change), or null when it is no name. */
export function cleanSpan(s: SpanInput): { first: number; last: number; type: number } | null {
  const { tokens, type } = s;
  let a = s.first;
  let b = s.last;
  // A name never opens or closes with punctuation ("‘Telegraph", "[North Korea").
  while (a <= b && !WORDLIKE.test(tokens[a]!.text)) a++;
  while (b >= a && !WORDLIKE.test(tokens[b]!.text)) b--;
  if (a > b) return null;
  // Honorifics stay outside a person's name ("Mr Brown").
  while (type === 0 && a < b && HONORIFICS.has(tokens[a]!.text.toLowerCase())) a++;
  // "Admiral Lisa Franchetti": a title the tagger never saw comes out as part of the name. A
  // first word that no list knows as a given name or a surname, before one that is a given
  // name, is a title (CoNLL leaves titles out of a person's name).
  if (
    type === 0 &&
    b - a >= 2 &&
    isTitleBeforeGivenName(tokens[a]!.text, tokens[a + 1]!.text, s.lexicon)
  )
    a++;
  // A sentence-opening common noun is no part of the name after it ("Rapper Eminem"): the
  // unlabeled news writes it in lower case everywhere else.
  const words = tokens.map((t) => t.text);
  if (
    a < b &&
    isSentenceInitial(words, a) &&
    s.lexicon.caseBucket(tokens[a]!.text.toLowerCase()) === LOWER_CASE_WORD
  )
    a++;
  // "Worryingly, …", "Interestingly, …": a sentence adverb opening the sentence is no name. Known
  // names that end in -ly ("Italy, …", "Kelly, …") are in the gazetteers and stay.
  if (
    a === b &&
    isSentenceInitial(words, a) &&
    tokens[a + 1]?.text === ',' &&
    ADVERB.test(tokens[a]!.text) &&
    s.lexicon.phrase(tokens[a]!.text.toLowerCase()) === 0 &&
    s.lexicon.caseBucket(tokens[a]!.text.toLowerCase()) <= MOSTLY_LOWER
  )
    return null;
  // "The Ministry of Foreign Affairs": an organization's article is no part of its name (CoNLL's
  // train split puts "The" inside one 13 times in 1,127; "The Hague" is a place and keeps it).
  if (type === 2 && a < b && tokens[a]!.text === 'The') a++;
  // "Labour MP": the common-noun abbreviation is no part of the name.
  while (b >= a && COMMON_ACRONYMS.has(tokens[b]!.text.toLowerCase()) && isUpper(tokens[b]!.text))
    b--;
  if (a > b) return null;
  // "US$2.14 million": a currency, not the country.
  if (a === b && s.text[tokens[b]!.end] === '$') return null;
  // "Valentine’s Day", "St Patrick’s Day": a name's possessive before "Day" is a holiday's name
  // (a MISC in the annotation we follow, which the reader does not show), not the saint.
  if (/^['’]s$/u.test(tokens[b + 1]?.text ?? '') && tokens[b + 2]?.text === 'Day') return null;
  // "Warner Bros", "Nvidia Corp": a name that ends in a company's legal form is an organization,
  // whatever a surname inside it made the tagger think.
  if (type !== 2 && b > a && LEGAL_FORMS.has(tokens[b]!.text.toLowerCase().replace(/\.$/u, '')))
    return { first: a, last: b, type: 2 };
  // "Korean Peninsula", "Puppy Mountain": a name that ends in a landform is a place, whatever an
  // adjective or an unknown first word made the tagger think (people keep theirs: "Michael Bay").
  if (type !== 0 && b > a && LANDFORMS.has(tokens[b]!.text.toLowerCase()))
    return { first: a, last: b, type: 1 };
  // "Minister of Foreign Affairs Choe Son-hui": the portfolio belongs to the title, and what
  // follows it is the title holder.
  const of = tokens[a - 1];
  const title = tokens[a - 2];
  if (of?.text === 'of' && title && PORTFOLIO_TITLES.has(title.text.toLowerCase())) {
    let k = a;
    // Portfolio words are common words the unlabeled news mostly writes in lower case.
    while (k <= b && isCommonWord(tokens[k]!.text, s.lexicon)) k++;
    if (k > a) {
      if (k > b) return null;
      let last = b;
      // A hyphenated given name the tagger left out ("Son-hui") belongs to the holder.
      while (last + 1 < tokens.length && HYPHENATED_GIVEN.test(tokens[last + 1]!.text)) last++;
      return { first: k, last, type: 0 };
    }
    if (type !== 0 && s.personFollows) return null;
  }
  return { first: a, last: b, type };
}

// English adverb endings (-ingly, -ally, -edly, -ously, -ably, -fully, -ively, -ently, -antly…),
// general morphology: "Sicily" and "Kelly" do not end in one.
const ADVERB = /^\p{Lu}\p{Ll}+(?:ing|al|ed|ous|ab|ib|ful|ive|ate|ent|ant|less|ar)ly$/u;

// "Son-hui", "Jong-un", "Ching-te": the given-name shape of Korean and Chinese names.
const HYPHENATED_GIVEN = /^\p{Lu}\p{Ll}+[-‐]\p{Ll}+$/u;

function isCommonWord(word: string, lexicon: NerLexicon): boolean {
  const bucket = lexicon.caseBucket(word.toLowerCase());
  return bucket > 0 && bucket <= MOSTLY_LOWER;
}

const CAPITALIZED_WORD = /^\p{Lu}\p{Ll}+$/u;
const NAME_CLASSES = (1 << GAZ.firstName) | (1 << GAZ.surname);

function isTitleBeforeGivenName(word: string, next: string, lexicon: NerLexicon): boolean {
  return (
    CAPITALIZED_WORD.test(word) &&
    CAPITALIZED_WORD.test(next) &&
    (lexicon.phrase(word.toLowerCase()) & NAME_CLASSES) === 0 &&
    (lexicon.phrase(next.toLowerCase()) & (1 << GAZ.firstName)) !== 0
  );
}
