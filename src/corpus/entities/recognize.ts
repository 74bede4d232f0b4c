import type { Story } from '../types';
import type { Span } from './candidates';
import { candidates, fold } from './candidates';
import { classify } from './classify';
import { PersonResolver } from './coref';
import { gazetteer } from './gazetteer';
import { entityId } from './ids';
import { caseStats, isCapsLine, markDateline, restoreCase, tokenizeParagraph } from './tokens';
import type { Tok } from './tokens';
import type { EntityType, Mention, StoryEntities } from './types';

interface Item {
  paragraph: number;
  toks: Tok[];
  span: Span;
  fold: string;
  type: EntityType | null;
  strong: boolean;
  team?: boolean;
  /** Set when the id is decided by a link (acronym, short form) rather than the surface. */
  id?: string;
}

/**
 * Finds the people, places and organizations of one story. Pure and deterministic, and it needs
 * nothing but the story: the corpus-wide merge happens later in `buildEntityTable`.
 *
 * Capitalized runs are cut into candidates (titles, nationality words and function words
 * outside), typed from gazetteers and cues, then made consistent across the story: a surface
 * typed with confidence keeps that type, and lone words that end a known full name are that
 * person.
 */
export function analyzeStory(story: Story): StoryEntities {
  const gaz = gazetteer();
  const paragraphs = story.paragraphs.map(tokenizeParagraph);
  const caps = paragraphs.map(isCapsLine);
  const stats = caseStats(paragraphs, caps);
  // Headline words the body never writes are names only if they are countries or capitals:
  // city and given-name lists hold too many common words ("Surprise", "Win").
  const known = (f: string): boolean =>
    gaz.countries.has(f) || gaz.capitals.has(f) || (f.includes(' ') && gaz.places.has(f));
  paragraphs.forEach((toks, i) => {
    markDateline(story.paragraphs[i]!, toks);
    if (caps[i]) restoreCase(toks, stats, known);
  });

  const items: Item[] = [];
  paragraphs.forEach((toks, p) => {
    for (const span of candidates(toks, stats, gaz)) {
      const v = classify(toks, span, stats, gaz);
      items.push({ paragraph: p, toks, span, fold: fold(toks, span.first, span.last), ...v });
    }
  });

  // What the story says with confidence decides the doubtful cases.
  const typeOf = new Map<string, EntityType>();
  const people = new PersonResolver();
  for (const it of items) if (it.team) typeOf.set(it.fold, 'organization');
  for (const it of items) {
    if (!it.strong || !it.type) continue;
    if (!typeOf.has(it.fold)) typeOf.set(it.fold, it.type);
  }
  for (const it of items) {
    if (it.strong || !it.type) continue;
    if (!typeOf.has(it.fold)) typeOf.set(it.fold, it.type);
  }
  for (const it of items) {
    const t = typeOf.get(it.fold);
    if (it.span.last > it.span.first && t === 'person') {
      const text = story.paragraphs[it.paragraph]!;
      const surface = text.slice(it.toks[it.span.first]!.start, it.toks[it.span.last]!.end);
      people.addFull(entityId('person', surface), surface);
    }
  }
  for (const it of items) {
    const single = it.span.first === it.span.last;
    if (single && people.knows(it.fold) && !(it.strong && it.type !== 'person')) {
      it.type = 'person';
      it.id = people.resolve(it.fold) ?? undefined;
    } else if (
      !it.strong ||
      (typeOf.get(it.fold) === 'organization' && !it.toks[it.span.first]!.dateline)
    ) {
      it.type = typeOf.get(it.fold) ?? it.type;
    }
  }
  return { storyId: story.id, mentions: toMentions(story.paragraphs, items) };
}

function toMentions(texts: readonly string[], items: Item[]): Mention[] {
  const mentions: Mention[] = [];
  const acronyms = new Map<string, { id: string; type: EntityType }>();
  // "artificial intelligence (AI)": an acronym of common words is no name, anywhere in the story.
  const common = new Set<string>();
  for (const it of items) {
    const a = it.toks[it.span.first]!;
    const before = it.toks[it.span.first - 1];
    if (a.shape === 'upper' && before?.shape === 'lower' && isBracketed(texts[it.paragraph]!, a, a))
      common.add(it.fold);
  }
  for (const it of items) {
    if (!it.type || common.has(it.fold)) continue;
    const text = texts[it.paragraph]!;
    const { toks, span } = it;
    const a = toks[span.first]!;
    const b = toks[span.last]!;
    // "US$2.14 million": a currency, not the country.
    if (text[b.fullEnd] === '$') continue;
    const link = acronyms.get(it.fold);
    const type = link?.type ?? it.type;
    const id = link?.id ?? it.id ?? entityId(type, text.slice(a.start, b.end));
    mentions.push(mention(text, it.paragraph, a.start, b.end, type, id));
    // "Liberal Democratic Party (LDP)", "Cho Jung-tai (卓榮泰)": the bracketed form is an alias.
    const alias = toks[span.last + 1];
    if (alias && isBracketed(text, alias, alias)) {
      if (alias.shape === 'cjk')
        mentions.push(mention(text, it.paragraph, alias.start, alias.end, type, id));
      else if (
        alias.shape === 'upper' &&
        span.last > span.first &&
        type !== 'person' &&
        alias.fold[0] === a.fold[0]
      )
        acronyms.set(alias.fold, { id, type });
    }
  }
  return mentions.sort((x, y) => x.paragraph - y.paragraph || x.start - y.start);
}

function isBracketed(text: string, a: Tok, b: Tok): boolean {
  return /[([]\s*$/u.test(a.gap) && /^\s*[)\]]/u.test(text.slice(b.fullEnd));
}

function mention(
  text: string,
  paragraph: number,
  start: number,
  end: number,
  type: EntityType,
  entityId: string,
): Mention {
  return { paragraph, start, end, type, entityId, text: text.slice(start, end) };
}
