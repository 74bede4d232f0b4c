import { foldText } from '../normalize';
import type { Story } from '../types';
import { PersonResolver } from './coref';
import { entityId } from './ids';
import { IS_INSIDE, TYPE_OF } from './model/linear-model';
import { splitSentences } from './model/sentences';
import { tagDocument, type Tagger } from './model/tagger';
import type { NerLexicon } from './model/lexicon';
import { cleanSpan } from './span-rules';
import type { EntityType, Mention, StoryEntities } from './types';
import { wordTokens, type WordToken } from './word-tokens';

/** Model type index → the reader's type; MISC (3) is recognized but not shown. */
const TYPES: (EntityType | null)[] = ['person', 'place', 'organization', null];

interface Sentence {
  paragraph: number;
  tokens: WordToken[];
}

interface Span {
  paragraph: number;
  sentence: number;
  first: number;
  last: number;
  /** 0 PER, 1 LOC, 2 ORG, 3 MISC. */
  type: number;
  /** Folded surface: the key of document-level consistency. */
  key: string;
  id?: string;
}

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
  const spans = collectSpans(story, sentences, tagged.labels, tagger.lexicon);
  joinNicknames(spans, sentences);
  keepOneType(spans);
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

const QUOTES = new Set(['"', '“', '”', "'", '‘', '’']);

/**
 * A nickname in quotes inside a person's name is part of it: "Dan “Razin” Caine" is one person,
 * whether the tagger saw one, two or three names there.
 */
function joinNicknames(spans: Span[], sentences: Sentence[]): void {
  for (let k = 0; k + 1 < spans.length; k++) {
    const a = spans[k]!;
    if (a.type !== 0) continue;
    const toks = sentences[a.sentence]!.tokens;
    const open = toks[a.last + 1];
    const nick = toks[a.last + 2];
    const close = toks[a.last + 3];
    if (!open || !nick || !close || !QUOTES.has(open.text) || !QUOTES.has(close.text)) continue;
    if (!/^\p{Lu}/u.test(nick.text)) continue;
    let j = k + 1;
    // The nickname itself may have been tagged on its own.
    if (spans[j]?.sentence === a.sentence && spans[j]!.first === a.last + 2) j++;
    const b = spans[j];
    if (!b || b.sentence !== a.sentence || b.type !== 0 || b.first !== a.last + 4) continue;
    a.last = b.last;
    a.key = `${a.key} ${foldText(nick.text)} ${b.key}`;
    spans.splice(k + 1, j - k);
  }
}

/**
 * The same name keeps one type within a story: the type most of its mentions got. A tie keeps
 * each mention's own type: breaking it by the model's scores cost 0.5 points of exact-span F1
 * on conll-dev, where a team and its city share a name in one report.
 */
function keepOneType(spans: Span[]): void {
  const votes = new Map<string, Int32Array>();
  for (const s of spans) {
    let v = votes.get(s.key);
    if (!v) votes.set(s.key, (v = new Int32Array(4)));
    v[s.type]!++;
  }
  for (const s of spans) {
    const v = votes.get(s.key)!;
    let best = s.type;
    for (let t = 0; t < 4; t++) if (v[t]! > v[best]!) best = t;
    s.type = best;
  }
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
    if (s.type === 0 && s.first === s.last) s.id = people.resolve(s.key) ?? undefined;
  }

  const byPos = new Map<string, Mention>();
  const put = (m: Mention): void => {
    byPos.set(`${m.paragraph}:${m.start}`, m);
  };
  for (const s of spans) {
    const type = TYPES[s.type];
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
        s.id ?? entityId(type, text),
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
