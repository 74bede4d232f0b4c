import { describe, expect, it } from 'vitest';
import { continueBodyRemits, joinBodiesOfPlaces, splitCountryBodies } from './body-names';
import type { Sentence, Span } from './document-rules';
import { story } from './test-story';
import { wordTokens } from './word-tokens';
import { analyzeStory } from './recognize';
import { nodeTagger } from '../../../scripts/lib/ner/node-tagger';

const tagger = nodeTagger();

/** One sentence and spans given as [first word, last word, type] over its tokens. */
function setup(text: string, marks: [string, string, number][]) {
  const tokens = wordTokens(text);
  const sentences: Sentence[] = [{ paragraph: 0, tokens }];
  const at = (w: string): number => tokens.findIndex((t) => t.text === w);
  const spans: Span[] = marks.map(([a, b, type]) => ({
    paragraph: 0,
    sentence: 0,
    first: at(a),
    last: at(b),
    type,
    key: '',
  }));
  return { sentences, spans, s: story([text]) };
}
const shown = (spans: Span[], sentences: Sentence[], text: string): string[] =>
  spans.map((sp) => {
    const toks = sentences[sp.sentence]!.tokens;
    return `${sp.type}:${text.slice(toks[sp.first]!.start, toks[sp.last]!.end)}`;
  });

describe('joinBodiesOfPlaces', () => {
  it('makes a body "of" a place one organization', () => {
    const text = 'A ruling by the Standards Board of England came out.';
    const { sentences, spans, s } = setup(text, [
      ['Standards', 'Board', 2],
      ['England', 'England', 1],
    ]);
    expect(shown(joinBodiesOfPlaces(spans, sentences, s), sentences, text)).toEqual([
      '2:Standards Board of England',
    ]);
  });

  it('leaves a club or a company of a place apart, as CoNLL does', () => {
    const text = 'Benetton of Italy beat Castres.';
    const { sentences, spans, s } = setup(text, [
      ['Benetton', 'Benetton', 2],
      ['Italy', 'Italy', 1],
      ['Castres', 'Castres', 2],
    ]);
    expect(shown(joinBodiesOfPlaces(spans, sentences, s), sentences, text)).toEqual([
      '2:Benetton',
      '1:Italy',
      '2:Castres',
    ]);
  });
});

describe('continueBodyRemits', () => {
  it('runs a body name on over the remits it lists', () => {
    const text = 'The Department for Culture, Media and Sport said so.';
    const { sentences, spans, s } = setup(text, [
      ['Department', 'Culture', 2],
      ['Sport', 'Sport', 2],
    ]);
    const out = continueBodyRemits(spans, sentences, s, tagger.lexicon);
    expect(shown(out, sentences, text)).toEqual(['2:Department for Culture, Media and Sport']);
  });

  it('stops at a name after "and"', () => {
    const text = 'The Bank of England and Barclays agreed.';
    const { sentences, spans, s } = setup(text, [
      ['Bank', 'England', 2],
      ['Barclays', 'Barclays', 2],
    ]);
    const out = continueBodyRemits(spans, sentences, s, tagger.lexicon);
    expect(shown(out, sentences, text)).toEqual(['2:Bank of England', '2:Barclays']);
  });

  it('does not run a name that ends in a place on over a common word', () => {
    const text = 'The Bank of England and Apple agreed.';
    const { sentences, spans, s } = setup(text, [
      ['Bank', 'England', 2],
      ['Apple', 'Apple', 2],
    ]);
    const out = continueBodyRemits(spans, sentences, s, tagger.lexicon);
    expect(shown(out, sentences, text)).toEqual(['2:Bank of England', '2:Apple']);
  });
});

describe('splitCountryBodies', () => {
  it('marks the country apart from its government body, dotted or not', () => {
    const text = 'The US Congress and the U.S. State Department and US Steel met.';
    const { sentences, spans, s } = setup(text, [
      ['US', 'Congress', 2],
      ['U.S.', 'Department', 2],
    ]);
    // (The body may also come before what it is of: see the next test.)
    // "US Steel" is a company, not a government body: the second "US" is never reached here.
    const out = splitCountryBodies(spans, sentences, s, tagger.lexicon);
    expect(shown(out, sentences, text)).toEqual([
      '1:US',
      '2:Congress',
      '1:U.S.',
      '2:State Department',
    ]);
  });

  it('finds the body before what it is "of"', () => {
    const text = 'The US Department of Justice sued.';
    const { sentences, spans, s } = setup(text, [['US', 'Justice', 2]]);
    const out = splitCountryBodies(spans, sentences, s, tagger.lexicon);
    expect(shown(out, sentences, text)).toEqual(['1:US', '2:Department of Justice']);
  });

  it('keeps a company named after its country whole, and a body with no name of its own', () => {
    const text = 'US Steel and British Airways rose, the UK Embassy said.';
    const { sentences, spans, s } = setup(text, [
      ['US', 'Steel', 2],
      ['British', 'Airways', 2],
      ['UK', 'Embassy', 2],
    ]);
    const out = splitCountryBodies(spans, sentences, s, tagger.lexicon);
    // Nor is "Embassy" alone the name of a body.
    expect(shown(out, sentences, text)).toEqual([
      '2:US Steel',
      '2:British Airways',
      '2:UK Embassy',
    ]);
  });

  it('lets the body named alone elsewhere be the same entity', () => {
    const names = analyzeStory(
      story(['Trump told the US Congress about tariffs.', 'Congress did not reply.']),
      tagger,
    ).mentions.filter((m) => m.type === 'organization');
    expect(new Set(names.map((m) => m.entityId)).size).toBe(1);
    expect(names.map((m) => m.text)).toEqual(['Congress', 'Congress']);
  });
});
