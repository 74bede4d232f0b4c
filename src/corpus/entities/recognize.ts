import { continueBodyRemits, joinBodiesOfPlaces, splitCountryBodies } from './body-names';
import { foldText } from '../normalize';
import type { Story } from '../types';
import { PersonResolver } from './coref';
import { entityId, typeOfId } from './ids';
import { IS_INSIDE, TYPE_OF } from './model/linear-model';
import { splitSentences } from './model/sentences';
import { tagDocument, type Tagger } from './model/tagger';
import { GAZ, type NerLexicon } from './model/lexicon';
import { normalizeToken } from './model/normalize-token';
import { cutCompoundPlaces } from './compound-places';
import { listConsistency } from './list-rules';
import { workTitles } from './work-titles';
import { numberedStations } from './channels';
import { joinedSpellings, splitCoordinated } from './name-forms';
import { cleanSpan } from './span-rules';
import {
  joinNicknames,
  keepOneType,
  repeatFullNames,
  SPAN_TYPES,
  wholeCountryNames,
  type Sentence,
  type Span,
} from './document-rules';
import type { EntityType, Mention, StoryEntities } from './types';
import { wordTokens, type WordToken } from './word-tokens';

/**
 * Finds the people, places and organizations of one story. The trained tagger decides spans and
 * types (see docs/entities-model.md); rules then do what rules do well:
 * - one name keeps one type within the story (a majority vote over its mentions);
 * - short forms take the id of the story's full name ("Putin" → Vladimir Putin);
 * - an acronym in brackets after a name is that name ("Liberal Democratic Party (LDP)"), and an
 *   acronym of common words ("artificial intelligence (AI)") is no name anywhere in the story;
 * - a name in Chinese characters in brackets after a name is an alias of it.
 * Pure and deterministic; the corpus-wide merge happens later in `buildEntityTable`.
 */
export function analyzeStory(story: Story, tagger: Tagger): StoryEntities {
  const sentences: Sentence[] = [];
  story.paragraphs.forEach((text, paragraph) => {
    for (const tokens of splitSentences(wordTokens(text))) sentences.push({ paragraph, tokens });
  });
  // The headline is read as context (it names the story's main actors, mid-sentence: "Ad sales
  // boost Time Warner profit"), though its names are not marked: it is not a paragraph.
  const context = story.headline ? [wordTokens(story.headline).map((t) => t.text)] : [];
  const tagged = tagDocument(tagger, [
    ...sentences.map((s) => s.tokens.map((t) => t.text)),
    ...context,
  ]);
  cutCompoundPlaces(sentences, tagged.labels, tagger.lexicon);
  const spans0 = collectSpans(story, sentences, tagged.labels, tagger.lexicon);
  const bodies = joinBodiesOfPlaces(numberedStations(spans0, sentences, story), sentences, story);
  const found = splitCountryBodies(
    continueBodyRemits(bodies, sentences, story, tagger.lexicon),
    sentences,
    story,
    tagger.lexicon,
  );
  const whole = repeatFullNames(wholeCountryNames(found, sentences, story), sentences, story);
  const spans = splitCoordinated(joinedSpellings(whole, sentences, story), sentences, story);
  joinNicknames(spans, sentences);
  listConsistency(spans, sentences);
  keepOneType(spans);
  workTitles(spans, sentences, tagger.lexicon);
  return { storyId: story.id, mentions: toMentions(story, sentences, spans) };
}

function collectSpans(
  story: Story,
  sentences: Sentence[],
  labels: Uint8Array[],
  lexicon: NerLexicon,
): Span[] {
  const spans: Span[] = [];
  sentences.forEach((s, si) => {
    const lab = labels[si]!;
    for (let i = 0; i < lab.length; i++) {
      const type = TYPE_OF[lab[i]!]!;
      if (type < 0) continue;
      let j = i;
      while (j + 1 < lab.length && IS_INSIDE[lab[j + 1]!] && TYPE_OF[lab[j + 1]!] === type) j++;
      const next = lab[j + 1];
      const kept = cleanSpan({
        tokens: s.tokens,
        text: story.paragraphs[s.paragraph]!,
        first: i,
        last: j,
        type,
        personFollows: next !== undefined && TYPE_OF[next] === 0,
        lexicon,
      });
      i = Math.max(j, kept?.last ?? j);
      if (!kept) continue;
      const { first: a, last: b } = kept;
      if (b > a && kept.type !== 1 && isGazetteerPlace(s.tokens, a, b, lexicon)) kept.type = 1;
      const text = story.paragraphs[s.paragraph]!.slice(s.tokens[a]!.start, s.tokens[b]!.end);
      spans.push({
        paragraph: s.paragraph,
        sentence: si,
        first: a,
        last: b,
        type: kept.type,
        key: foldText(text),
      });
    }
  });
  return spans;
}

const PLACE_CLASSES = (1 << GAZ.country) | (1 << GAZ.region);

/**
 * A span of several words that is exactly a country or a subdivision with its kind in the
 * gazetteers ("Hubei Province", "South Korea") is a place, whatever the tagger typed it: the
 * tagger saw too few of them to learn it (CoNLL's train split has "Province" twice). A phrase that
 * is also a company is left to the tagger, and so are cities ("New York" is a team in results).
 */
function isGazetteerPlace(
  tokens: readonly WordToken[],
  a: number,
  b: number,
  lexicon: NerLexicon,
): boolean {
  const words: string[] = [];
  for (let k = a; k <= b; k++) words.push(normalizeToken(tokens[k]!.text).toLowerCase());
  const mask = lexicon.phrase(words.join(' '));
  return (mask & PLACE_CLASSES) !== 0 && (mask & (1 << GAZ.company)) === 0;
}

function toMentions(story: Story, sentences: Sentence[], spans: Span[]): Mention[] {
  const textOf = (s: Span): string => {
    const toks = sentences[s.sentence]!.tokens;
    return story.paragraphs[s.paragraph]!.slice(toks[s.first]!.start, toks[s.last]!.end);
  };
  // Short forms: full person names first, in reading order, then lone words resolve to them.
  const people = new PersonResolver();
  for (const s of spans)
    if (s.type === 0 && s.last > s.first) people.addFull(entityId('person', textOf(s)), textOf(s));
  for (const s of spans) {
    if (s.first !== s.last) continue;
    s.id = people.resolve(s.key) ?? undefined;
    // The story's own "Lindsay Sandiford" makes a lone "Sandiford" her, whatever the tagger
    // typed it (it saw "Sandiford’s suitcase" as a place): one name, one referent in a story.
    if (s.id) s.type = 0;
  }

  const byPos = new Map<string, Mention>();
  const put = (m: Mention): void => {
    byPos.set(`${m.paragraph}:${m.start}`, m);
  };
  for (const s of spans) {
    const type = SPAN_TYPES[s.type];
    if (!type) continue;
    const toks = sentences[s.sentence]!.tokens;
    const text = textOf(s);
    put(
      mention(
        story,
        s.paragraph,
        toks[s.first]!.start,
        toks[s.last]!.end,
        type,
        // An id given by a rule holds only while the story's vote kept its type.
        s.id && typeOfId(s.id) === type ? s.id : entityId(type, text),
      ),
    );
  }
  applyBrackets(story, sentences, byPos, put);
  return [...byPos.values()].sort((x, y) => x.paragraph - y.paragraph || x.start - y.start);
}

/**
 * Bracketed forms after a name: an acronym ("Liberal Democratic Party (LDP)") or a name in
 * Chinese characters ("Cho Jung-tai (卓榮泰)") becomes an alias with the name's id, everywhere
 * in the story; an acronym after lower-case words ("artificial intelligence (AI)") is no name.
 */
function applyBrackets(
  story: Story,
  sentences: Sentence[],
  byPos: Map<string, Mention>,
  put: (m: Mention) => void,
): void {
  const byEnd = new Map<string, Mention>();
  for (const m of byPos.values()) byEnd.set(`${m.paragraph}:${m.end}`, m);
  const aliases = new Map<string, { type: EntityType; id: string }>();
  const common = new Set<string>();
  for (const s of sentences) {
    const toks = s.tokens;
    for (let i = 1; i + 1 < toks.length; i++) {
      const open = toks[i - 1]!.text;
      const close = toks[i + 1]!.text;
      if (!((open === '(' || open === '[') && (close === ')' || close === ']'))) continue;
      const inner = toks[i]!;
      const before = toks[i - 2];
      if (!before) continue;
      const upper = /^\p{Lu}{2,6}s?$/u.test(inner.text);
      const cjk =
        /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]+$/u.test(
          inner.text,
        );
      if (!upper && !cjk) continue;
      const owner = byEnd.get(`${s.paragraph}:${before.end}`);
      if (owner && (cjk || (owner.type !== 'person' && owner.text[0] === inner.text[0]))) {
        put(mention(story, s.paragraph, inner.start, inner.end, owner.type, owner.entityId));
        if (upper) aliases.set(inner.text, { type: owner.type, id: owner.entityId });
      } else if (upper && /^\p{Ll}/u.test(before.text)) common.add(inner.text);
    }
  }
  if (!aliases.size && !common.size) return;
  for (const [key, m] of byPos) if (common.has(m.text) && !aliases.has(m.text)) byPos.delete(key);
  // Every other use of a defined acronym in the story is that name, tagged or not, unless it is
  // part of a longer name ("LDP Youth Wing").
  const inside = (paragraph: number, start: number, end: number): boolean => {
    for (const m of byPos.values())
      if (m.paragraph === paragraph && m.start < end && start < m.end && m.start !== start)
        return true;
    return false;
  };
  for (const s of sentences) {
    for (const t of s.tokens) {
      const alias = aliases.get(t.text);
      if (alias && !inside(s.paragraph, t.start, t.end))
        put(mention(story, s.paragraph, t.start, t.end, alias.type, alias.id));
    }
  }
}

function mention(
  story: Story,
  paragraph: number,
  start: number,
  end: number,
  type: EntityType,
  entityId: string,
): Mention {
  const text = story.paragraphs[paragraph]!.slice(start, end);
  return { paragraph, start, end, type, entityId, text };
}
