import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CHUNK, SpeechQueue, TITLE, speechChunks } from './speech-queue';

const SEEDS = new URL('../../../public/seeds/', import.meta.url);
const seedLines = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(new URL(f, SEEDS), 'utf8').split('\n'))
  .filter((l) => l.trim());

const words = (s: string) => s.split(/\s+/u).filter(Boolean);

describe('speechChunks: a paragraph as utterances short enough for Chrome', () => {
  it('cuts a seed sentence of 250 characters at a comma, not mid-phrase', () => {
    const lede =
      'North Korean leader Kim Jong-un yesterday promised full support for Russia’s war in Ukraine as he met with Russian President Vladimir Putin in Pyongyang in a bid to expand their economic and military cooperation, and display a united front against Washington.';
    expect(speechChunks(lede)).toEqual([
      'North Korean leader Kim Jong-un yesterday promised full support for Russia’s war in Ukraine as he met with Russian President Vladimir Putin in Pyongyang in a bid to expand their',
      'economic and military cooperation, and display a united front against Washington.',
    ]);
  });

  it('joins short sentences, so "Mr." and a short quote do not make utterances of their own', () => {
    expect(speechChunks('Mr. Smith went to Washington. He said “Hi.” Then he left.')).toEqual([
      'Mr. Smith went to Washington. He said “Hi.” Then he left.',
    ]);
  });

  it('prefers a clause boundary to a space when one is far enough in', () => {
    const text = `${'a'.repeat(100)}, ${'word '.repeat(40)}end.`;
    const [first] = speechChunks(text);
    expect(first).toBe(`${'a'.repeat(100)},`);
  });

  it('speaks nothing for whitespace, and cuts a line without spaces at the limit', () => {
    expect(speechChunks('  \n\t ')).toEqual([]);
    const chunks = speechChunks('x'.repeat(400));
    expect(chunks.map((c) => c.length)).toEqual([180, 180, 40]);
  });

  it('keeps every word of every seed paragraph, in order, in utterances of ≤ 180 characters', () => {
    expect(seedLines.length).toBeGreaterThan(20);
    for (const line of seedLines) {
      const chunks = speechChunks(line);
      expect(chunks.every((c) => c.length <= MAX_CHUNK)).toBe(true);
      expect(chunks.join(' ').replace(/\s+/gu, ' ')).toBe(line.trim().replace(/\s+/gu, ' '));
    }
  });

  it('loses and adds nothing on any text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Kim', 'said.', 'a,', ' ', '\n', 'U.S.', '“Hi!”', 'x'.repeat(70))),
        (parts) => {
          const text = parts.join(' ');
          const chunks = speechChunks(text);
          expect(chunks.every((c) => c.length <= MAX_CHUNK && c === c.trim() && c)).toBe(true);
          // Cuts without a space (the 70-x "words") may split a word: compare the letters.
          expect(chunks.join('').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
          if (!parts.includes('x'.repeat(70))) expect(words(chunks.join(' '))).toEqual(words(text));
        },
      ),
    );
  });
});

describe('SpeechQueue: the order of a story’s utterances', () => {
  const long = `${'First sentence of a long paragraph goes on. '.repeat(6)}`.trim();
  const queue = () => new SpeechQueue(['One.', '   ', long, 'Three.'], 'The headline');

  it('starts with the title, then walks every utterance of every paragraph with words', () => {
    const q = queue();
    const spoken: string[] = [];
    for (let at = q.start(); at; at = q.next(at)) spoken.push(`${at.paragraph}:${q.text(at)}`);
    expect(spoken[0]).toBe(`${TITLE}:The headline`);
    expect(spoken[1]).toBe('0:One.');
    expect(spoken.filter((s) => s.startsWith('2:')).length).toBe(q.chunks(2).length);
    expect(q.chunks(2).length).toBeGreaterThan(1);
    expect(spoken.at(-1)).toBe('3:Three.');
    expect(spoken.some((s) => s.startsWith('1:'))).toBe(false);
  });

  it('steps over empty paragraphs, back to the title, and stops at either end', () => {
    const q = queue();
    expect(q.step({ paragraph: 0, chunk: 0 }, 1)).toEqual({ paragraph: 2, chunk: 0 });
    expect(q.step({ paragraph: 2, chunk: 3 }, -1)).toEqual({ paragraph: 0, chunk: 0 });
    expect(q.step({ paragraph: 0, chunk: 0 }, -1)).toEqual({ paragraph: TITLE, chunk: 0 });
    expect(q.step({ paragraph: TITLE, chunk: 0 }, -1)).toBeNull();
    expect(q.step({ paragraph: TITLE, chunk: 0 }, 1)).toEqual({ paragraph: 0, chunk: 0 });
    expect(q.step({ paragraph: 3, chunk: 0 }, 1)).toBeNull();
  });

  it('without a title (it repeats the lede) starts and steps back to paragraph 1 only', () => {
    const q = new SpeechQueue(['', 'Lede.', 'Two.'], null);
    expect(q.start()).toEqual({ paragraph: 1, chunk: 0 });
    expect(q.step({ paragraph: 1, chunk: 0 }, -1)).toBeNull();
    expect(new SpeechQueue([' '], null).start()).toBeNull();
  });
});
