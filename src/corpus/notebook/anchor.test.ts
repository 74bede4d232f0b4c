import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote, MAX_ERROR_RATE } from './anchor';
import { describeRange, type Selectors } from './selectors';
import { storyText } from './story-text';
import { bbcStory, HAS_BBC, seedStory } from '../../../scripts/lib/test-stories';
import type { Story } from '../types';

/** Selectors of the first occurrence of `phrase` (after `from`) in the story. */
function select(text: string, phrase: string, from = 0): Selectors {
  const at = text.indexOf(phrase, from);
  if (at < 0) throw new Error(`not in the text: ${phrase}`);
  return describeRange(text, at, at + phrase.length)!;
}

const anchor = (text: string, s: Selectors) => anchorQuote(text, s.quote, s.position);
const edit = (story: Story, f: (paragraphs: string[]) => string[]) =>
  storyText(f([...story.paragraphs])).text;

describe('anchoring in the same text', () => {
  const stories = [
    seedStory(),
    seedStory('000_359807c817cdce2f'),
    seedStory('003_94fd4063dbc03a91'),
    ...(HAS_BBC ? ['business/001', 'sport/199', 'tech/001'].map(bbcStory) : []),
  ];

  it.each(stories.map((s) => [s.id, s] as const))(
    'every range of %s anchors exactly where it was',
    (_, story) => {
      const { text } = storyText(story.paragraphs);
      fc.assert(
        fc.property(
          fc.nat({ max: text.length - 1 }),
          fc.integer({ min: 1, max: 400 }),
          (start, len) => {
            const s = describeRange(text, start, start + len);
            if (!s) return;
            expect(anchor(text, s)).toEqual({
              status: 'exact',
              start: s.position.start,
              end: s.position.end,
            });
          },
        ),
        { numRuns: 200 },
      );
    },
  );

  it('tells apart repeated short quotes by their context, even when they moved', () => {
    const story = seedStory();
    const { text } = storyText(story.paragraphs);
    const first = text.indexOf('Putin');
    const third = text.indexOf('Putin', text.indexOf('Putin', first + 1) + 1);
    const s = describeRange(text, third, third + 5)!;
    // A paragraph added at the top moves every occurrence; context still finds the third.
    const moved = edit(story, (p) => ['An editor’s note added at the top of the story.', ...p]);
    const shift = 'An editor’s note added at the top of the story.\n\n'.length;
    expect(anchor(moved, s)).toEqual({
      status: 'exact',
      start: third + shift,
      end: third + shift + 5,
    });
  });
});

describe('re-anchoring after the file changed', () => {
  const story = seedStory();
  const { text } = storyText(story.paragraphs);
  const phrase = 'an arms arrangement in which North Korea provides Russia with munitions';

  it('is exact when text was added before the quote', () => {
    const s = select(text, phrase);
    const changed = edit(story, (p) => [p[0]!, 'A new second paragraph.', ...p.slice(1)]);
    const a = anchor(changed, s);
    expect(a.status).toBe('exact');
    if (a.status !== 'orphan') expect(changed.slice(a.start, a.end)).toBe(phrase);
  });

  it('is exact when the words around the quote were edited', () => {
    const s = select(text, phrase);
    const changed = text.replace('growing concerns about', 'renewed worries over');
    const a = anchor(changed, s);
    expect(a.status).toBe('exact');
    if (a.status !== 'orphan') expect(changed.slice(a.start, a.end)).toBe(phrase);
  });

  it('is fuzzy when a word inside the quote was corrected, and covers the new words', () => {
    const s = select(text, phrase);
    const changed = text.replace(
      'provides Russia with munitions',
      'supplies Russia with munitions',
    );
    const a = anchor(changed, s);
    expect(a.status).toBe('fuzzy');
    if (a.status !== 'orphan')
      expect(changed.slice(a.start, a.end)).toBe(
        'an arms arrangement in which North Korea supplies Russia with munitions',
      );
  });

  it('is fuzzy for a quote over two paragraphs whose layout changed', () => {
    const start = text.indexOf('against the Russian Federation');
    const end = text.indexOf('Ukraine in exchange') + 'Ukraine'.length;
    const s = describeRange(text, start, end)!;
    // A later edition merged the two paragraphs into one.
    const merged = text.replace('Federation.”\n\nPutin’s visit', 'Federation.” Putin’s visit');
    const a = anchor(merged, s);
    expect(a.status).toBe('fuzzy');
    if (a.status !== 'orphan') {
      expect(merged.slice(a.start, a.end)).toMatch(/^against the Russian Federation/u);
      expect(merged.slice(a.start, a.end)).toMatch(/Ukraine$/u);
    }
  });

  it('orphans a highlight whose paragraph was removed', () => {
    const idx = story.paragraphs.findIndex((p) => p.includes(phrase));
    const s = select(text, phrase);
    const removed = edit(story, (p) => p.filter((_, i) => i !== idx));
    expect(anchor(removed, s)).toEqual({ status: 'orphan', reason: 'text-changed' });
  });

  it('orphans a quote rewritten beyond a quarter of its characters', () => {
    const s = select(text, phrase);
    const rewritten = text.replace(phrase, 'a deal under which Pyongyang sells Moscow its shells');
    expect(anchor(rewritten, s).status).toBe('orphan');
  });

  it('orphans a short quote that is gone rather than land on a look-alike', () => {
    const s = select(text, 'Pyongyang');
    const gone = text.replaceAll('Pyongyang', 'the capital');
    // "Pyongyang" with two edits could match other words; its context is gone too.
    expect(anchor(gone, s).status).toBe('orphan');
  });

  it('keeps a short quote whose spelling changed when its context is still there', () => {
    const s = select(text, 'Kim Jong-un');
    const respelt = text.replace('Kim Jong-un', 'Kim Jong Un');
    const a = anchor(respelt, s);
    expect(a.status).toBe('fuzzy');
    if (a.status !== 'orphan') expect(respelt.slice(a.start, a.end)).toBe('Kim Jong Un');
  });

  it.runIf(HAS_BBC)('survives BBC-style wrapping fixes and typo corrections', () => {
    const bbc = bbcStory('business/001');
    const t = storyText(bbc.paragraphs).text;
    const s = select(t, 'But its own internet business, AOL, had has mixed fortunes.');
    const fixed = t.replace('had has mixed', 'has had mixed');
    const a = anchor(fixed, s);
    expect(a.status).toBe('fuzzy');
    if (a.status !== 'orphan')
      expect(fixed.slice(a.start, a.end)).toBe(
        'But its own internet business, AOL, has had mixed fortunes.',
      );
  });

  it('allows at most the stated share of errors', () => {
    const quote = 'abcdefghijklmnopqrstuvwxyz0123456789ABCD'; // 40 characters
    const within = `${quote.slice(0, 30)}##########`; // 10 errors = 25 %
    const beyond = `${quote.slice(0, 29)}###########`;
    const s = describeRange(`xx ${quote} yy`, 3, 43)!;
    expect(MAX_ERROR_RATE).toBe(0.25);
    expect(anchor(`xx ${within} yy`, s).status).toBe('fuzzy');
    expect(anchor(`xx ${beyond} yy`, s).status).toBe('orphan');
  });

  it('re-anchors in a very long text without scanning it all twice', () => {
    const big = `${'Filler sentence of a long file. '.repeat(40_000)}${text}${' More filler.'.repeat(40_000)}`;
    const s = select(text, phrase);
    const hinted = { ...s, position: { ...s.position, start: s.position.start + 1_280_000 } };
    const changed = big.replace('provides Russia', 'supplies Russia');
    const t0 = performance.now();
    const a = anchor(changed, hinted);
    expect(a.status).toBe('fuzzy');
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
