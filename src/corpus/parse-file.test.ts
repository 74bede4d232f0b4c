import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BBC_DIR, listTxt, SEEDS_DIR } from '../../scripts/lib/corpora';
import { decodeText } from './decode';
import { orderStories } from './library';
import { parseFile, parseText, storySourceText } from './parse-file';
import { TITLE_LONG_MAX } from './title';
import type { ParsedFile } from './types';

const enc = new TextEncoder();
const nonSpace = (s: string) => [...s.replace(/\s+/gu, '')].sort().join('');

/** Every non-whitespace character of the text appears exactly once in what the parser kept. */
function expectNothingLost(text: string, parsed: ParsedFile) {
  const source = text.replace(/^\uFEFF/u, '');
  expect(nonSpace(storySourceText(parsed).join(''))).toBe(nonSpace(source));
}

function parseSeed(name: string) {
  const bytes = readFileSync(`${SEEDS_DIR}/${name}.txt`);
  return {
    parsed: parseFile({ fileId: name, section: null, bytes }),
    text: decodeText(bytes).text,
  };
}

describe('seed files (line-per-paragraph layout with teasers)', () => {
  const seeds = listTxt(SEEDS_DIR).map((f) => f.replace(/\.txt$/u, ''));

  it('gives one main story and one brief per teaser line, briefs keep their kicker', () => {
    const { parsed } = parseSeed('000_359807c817cdce2f');
    expect(parsed.stories.map((s) => s.kind)).toEqual(['main', 'brief', 'brief', 'brief', 'brief']);
    expect(parsed.stories.map((s) => s.id)).toEqual([
      '000_359807c817cdce2f',
      '000_359807c817cdce2f~1',
      '000_359807c817cdce2f~2',
      '000_359807c817cdce2f~3',
      '000_359807c817cdce2f~4',
    ]);
    expect(parsed.stories.slice(1).map((s) => s.kicker)).toEqual([
      'CLASH OF WORDS',
      'CHARM OFFENSIVE',
      'UNITED',
      'GOLDEN OPPORTUNITY',
    ]);
    expect(parsed.stories[2]!.kickerRaw).toBe('‘CHARM OFFENSIVE’:');
    expect(parsed.stories[1]!.paragraphs[0]).toMatch(/^While China’s foreign minister/u);
    expect(parsed.stories.slice(1).every((s) => s.fileId === '000_359807c817cdce2f')).toBe(true);
  });

  it('treats a teaser without a kicker as a brief too, and marks cut-off text', () => {
    const { parsed } = parseSeed('002_54c47fb4e1efd86c');
    const briefs = parsed.stories.filter((s) => s.kind === 'brief');
    expect(briefs).toHaveLength(4);
    expect(briefs[0]!.kicker).toBeNull();
    expect(briefs[0]!.paragraphs[0]).toMatch(/^Chinese authorities said/u);
    expect(briefs[0]!.truncated).toBe(true);
    expect(parsed.stories[0]!.truncated).toBe(false);
  });

  it('keeps photo credits as metadata, not paragraphs', () => {
    const { parsed } = parseSeed('002_54c47fb4e1efd86c');
    const main = parsed.stories[0]!;
    expect(main.credits).toEqual([
      'Photo: AP',
      'Photo: EPA-EFE / Gavriil Grigorov / Sputnik / Kremlin',
    ]);
    expect(main.paragraphs.some((p) => p.startsWith('Photo:'))).toBe(false);
    expect(main.paragraphs).toHaveLength(16);
  });

  it('derives short, distinct titles cut at clause (or, with "…", phrase) boundaries', () => {
    const stories = orderStories(
      seeds.map((id) => ({ id, path: `${id}.txt`, section: null, size: 0, hash: '' })),
      new Map(seeds.map((id) => [id, parseSeed(id).parsed])),
    );
    const titles = stories.map((s) => s.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const s of stories) {
      expect(s.titleDerived).toBe(true);
      // The long limit, and a closing quote balanceQuotes may add.
      expect(s.title.length).toBeLessThanOrEqual(TITLE_LONG_MAX + 1);
      expect(s.title.length).toBeGreaterThan(20);
      // Cut at a boundary: the title's last word (minus a closing ellipsis) ends a word of the
      // lede (time words such as "on Saturday" are dropped, so two words may not be adjacent).
      const last = s.title.replace(/…?”?$/u, '').split(' ').pop()!;
      const at = s.paragraphs[0]!.indexOf(last);
      expect(at, s.title).toBeGreaterThan(0);
      expect(s.paragraphs[0]!.charAt(at + last.length), s.title).toMatch(/^[\s,;:.”’]$/u);
    }
    expect(titles[0]).toBe(
      'Russian President Vladimir Putin hailed North Korea for “firmly supporting” Moscow’s war in Ukraine',
    );
  });

  it.each(seeds)('loses nothing in %s', (name) => {
    const { parsed, text } = parseSeed(name);
    expectNothingLost(text, parsed);
  });
});

// The corpus lives beside the repository (../shared/corpora): a clone elsewhere skips these.
describe.runIf(existsSync(BBC_DIR))('BBC files (headline layout)', () => {
  let files: string[] = [];
  beforeAll(() => {
    files = listTxt(BBC_DIR);
  });

  it('reads all 2,225 articles, each with its headline as title and no briefs', () => {
    expect(files).toHaveLength(2225);
    const parsed = parseFile({
      fileId: 'business/001',
      section: 'business',
      bytes: readFileSync(`${BBC_DIR}/business/001.txt`),
    });
    expect(parsed.stories).toHaveLength(1);
    const s = parsed.stories[0]!;
    expect(s.title).toBe('Ad sales boost Time Warner profit');
    expect(s.titleDerived).toBe(false);
    expect(s.paragraphs[0]).toMatch(/^Quarterly profits at US media giant TimeWarner/u);
  });

  it('reads the Latin-1 file as Windows-1252 and says so', () => {
    const bytes = readFileSync(`${BBC_DIR}/sport/199.txt`);
    const parsed = parseFile({ fileId: 'sport/199', section: 'sport', bytes });
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.warnings.join(' ')).toMatch(/Windows-1252/u);
    expect(parsed.stories[0]!.paragraphs.join(' ')).toContain('£');
  });

  it('keeps list items as their own paragraphs', () => {
    const parsed = parseFile({
      fileId: 'business/159',
      section: 'business',
      bytes: readFileSync(`${BBC_DIR}/business/159.txt`),
    });
    expect(
      parsed.stories[0]!.paragraphs.some((p) => /^- Increased spending on health/u.test(p)),
    ).toBe(true);
  });

  it('loses nothing in any of the 2,225 files', () => {
    for (const rel of files) {
      const bytes = readFileSync(`${BBC_DIR}/${rel}`);
      const parsed = parseFile({ fileId: rel, section: null, bytes });
      expect(
        parsed.stories.filter((s) => s.kind === 'brief'),
        rel,
      ).toHaveLength(0);
      expectNothingLost(decodeText(bytes).text, parsed);
    }
  });
});

describe('robustness', () => {
  const parse = (text: string) => parseText({ fileId: 'x', section: null, text });
  const paras = (text: string) => parse(text).stories[0]!.paragraphs;

  it('handles CRLF, a BOM, trailing spaces, double blank lines and no final newline', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...enc.encode('Headline here\r\n\r\nFirst para.  \r\n\r\n\r\n\r\nSecond para.'),
    ]);
    const parsed = parseFile({ fileId: 'x', section: null, bytes });
    expect(parsed.stories[0]!.title).toBe('Headline here');
    expect(parsed.stories[0]!.paragraphs).toEqual(['First para.', 'Second para.']);
  });

  it('decodes invalid UTF-8 as Windows-1252 without dropping a byte', () => {
    const { text, encoding } = decodeText(
      new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35]),
    );
    expect(encoding).toBe('windows-1252');
    expect(text).toBe('Café €5');
  });

  it('gives an empty file an empty main story and a warning', () => {
    const parsed = parse('');
    expect(parsed.stories).toHaveLength(1);
    expect(parsed.stories[0]!.paragraphs).toEqual([]);
    expect(parsed.warnings).toContain('The file is empty.');
    expect(parse(' \n\n \r\n').warnings).toContain('The file is empty.');
  });

  it('says a binary file looks binary, and keeps text with a stray NUL as text', () => {
    const bin = new Uint8Array(4096);
    bin.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    let seed = 12345;
    for (let i = 8; i < bin.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bin[i] = seed >>> 24;
    }
    const binary = parseFile({ fileId: 'binary', section: null, bytes: bin });
    expect(binary.warnings.some((w) => w.includes('looks binary'))).toBe(true);
    expectNothingLost(decodeText(bin).text, binary);
    const nul = parseText({ fileId: 'nul', section: null, text: 'Before\u0000the NUL, after.' });
    expect(nul.warnings).toEqual([]);
  });

  it('splits one huge line into readable paragraphs at sentence ends', () => {
    const line = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const out = paras(line);
    expect(out.length).toBeGreaterThan(3);
    expect(out.every((p) => p.length <= 2400 && /\.$/u.test(p))).toBe(true);
    expect(nonSpace(out.join(''))).toBe(nonSpace(line));
  });

  it('splits a 5,000-character word without breaking surrogate pairs', () => {
    const word = '😀'.repeat(3000);
    const out = paras(word);
    expect(out.join('')).toBe(word);
    expect(out.every((p) => !/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/u.test(p))).toBe(true);
  });

  it('joins a hard-wrapped paragraph in a blank-line file', () => {
    expect(paras('Title\n\nThe first line\nwraps here.\n\nNext one.')).toEqual([
      'The first line wraps here.',
      'Next one.',
    ]);
  });

  it('never throws and loses nothing, whatever the text (property)', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.constantFrom('Photo: AFP', 'CLASH OF WORDS: The rest of it', '', '   ', 'Headline'),
      fc.string({ unit: 'grapheme-ascii', minLength: 380, maxLength: 900 }),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
        (lines, sep) => {
          const text = lines.join(sep);
          const parsed = parse(text);
          expect(parsed.stories.length).toBeGreaterThanOrEqual(1);
          expectNothingLost(text, parsed);
          for (const s of parsed.stories) expect(s.title.length).toBeLessThanOrEqual(161);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const parsed = parseFile({ fileId: 'b', section: null, bytes });
        expectNothingLost(decodeText(bytes).text, parsed);
      }),
      { numRuns: 200 },
    );
  });
});
