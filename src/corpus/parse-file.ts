import { decodeText } from './decode.ts';
import { splitKicker } from './kicker.ts';
import { countWords, endsSentence, readingMinutes } from './text-stats.ts';
import { deriveTitle } from './title.ts';
import type { ParsedFile, Story } from './types.ts';

/**
 * One file → one main story plus one brief per teaser line.
 *
 * Two layouts are read. The seed layout: a paragraph a line, `Photo: …` credit lines, then long
 * teaser lines for other stories, cut mid-sentence and often opened by an ALL-CAPS kicker. The
 * headline layout (BBC): a headline line, a blank line, paragraphs separated by blank lines.
 *
 * IMPORTANT: nothing is lost. Every non-whitespace character of the file ends up exactly once in
 * a headline, kicker, paragraph or credit (see `storySourceText`); the property tests hold us to it.
 */
export interface FileInput {
  fileId: string;
  section: string | null;
  bytes: Uint8Array;
}

/**
 * The parser's output version: part of every cache key of what is derived from a parsed file (the
 * parsed files in IndexedDB, the build's entity analyses). Bump it whenever the output changes.
 */
// 2: derived titles end at a clause (up to TITLE_LONG_MAX characters).
export const PARSER_VERSION = 2;

const BINARY_WARNING =
  'This file looks binary (many control characters); shown as text as far as possible.';

const CREDIT =
  /^(?:photos?|pictures?|images?|photograph(?:s|er)?|credit|video)\s*:\s*\S.{0,160}$/iu;
/** Teasers are long lines; the seeds' main paragraphs stay under ~320 characters. */
const TEASER_MIN = 400;
/** Past this a single paragraph is split at sentence ends so the page stays readable. */
const PARAGRAPH_SPLIT = 2400;
const BULLET = /^\s*(?:[-*•–]\s|\d{1,2}[.)]\s)/u;

export function parseFile(input: FileInput): ParsedFile {
  const { text, encoding } = decodeText(input.bytes);
  return parseText({ fileId: input.fileId, section: input.section, text, encoding });
}

export function parseText(args: {
  fileId: string;
  section: string | null;
  text: string;
  encoding?: ParsedFile['encoding'];
}): ParsedFile {
  const { fileId, section } = args;
  const warnings: string[] = [];
  if (args.encoding === 'windows-1252') {
    warnings.push('Not valid UTF-8: read as Windows-1252 (Latin-1).');
  }
  // BOM may survive when text came from elsewhere; NUL and other C0 controls are not text.
  const text = args.text.replace(/^\uFEFF/u, '');
  if (looksBinary(text, args.encoding)) {
    warnings.push(BINARY_WARNING);
  }
  const lines = text.split(/\r\n|\r|\n/u);
  const headlineIdx = findHeadline(lines);
  const headline = headlineIdx >= 0 ? lines[headlineIdx]!.trim() : null;
  const body = lines.slice(headlineIdx + 1);
  const { paragraphs: blocks, blankSeparated } = toParagraphLines(body);
  if (!headline && blocks.length === 0) warnings.push('The file is empty.');

  // Teaser lines belong to the line-per-paragraph layout; blank-separated files have none.
  const teaserStart = blankSeparated ? blocks.length : findTeaserStart(blocks);
  const mainLines = blocks.slice(0, teaserStart);
  const teasers = blocks.slice(teaserStart);

  const credits = mainLines.filter((l) => CREDIT.test(l));
  const paragraphs = mainLines.filter((l) => !CREDIT.test(l)).flatMap(splitLongParagraph);
  const stories: Story[] = [];
  const lede = paragraphs[0] ?? '';
  stories.push(
    makeStory({
      id: fileId,
      fileId,
      section,
      kind: 'main',
      headline,
      kicker: null,
      paragraphs,
      credits,
      truncated: paragraphs.length > 0 && !endsSentence(paragraphs[paragraphs.length - 1]!),
      lede,
    }),
  );
  teasers.forEach((line, i) => {
    const split = splitKicker(line);
    const rest = split ? split.rest : line;
    stories.push(
      makeStory({
        id: `${fileId}~${i + 1}`,
        fileId,
        section,
        kind: 'brief',
        headline: null,
        kicker: split ? { text: split.kicker, raw: split.raw } : null,
        paragraphs: splitLongParagraph(rest),
        credits: [],
        truncated: !endsSentence(rest),
        lede: rest,
      }),
    );
  });
  return { fileId, section, stories, encoding: args.encoding ?? 'utf-8', warnings };
}

function makeStory(a: {
  id: string;
  fileId: string;
  section: string | null;
  kind: Story['kind'];
  headline: string | null;
  kicker: { text: string; raw: string } | null;
  paragraphs: string[];
  credits: string[];
  truncated: boolean;
  lede: string;
}): Story {
  const wordCount = a.paragraphs.reduce((n, p) => n + countWords(p), 0);
  const title =
    a.headline ?? (a.lede ? deriveTitle(a.lede) : (a.kicker?.text ?? baseName(a.fileId)));
  return {
    id: a.id,
    fileId: a.fileId,
    section: a.section,
    kind: a.kind,
    title,
    titleDerived: a.headline === null,
    headline: a.headline,
    kicker: a.kicker?.text ?? null,
    kickerRaw: a.kicker?.raw ?? null,
    paragraphs: a.paragraphs,
    credits: a.credits,
    truncated: a.truncated,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
  };
}

/**
 * A headline is a short first line without sentence-ending punctuation that a blank line
 * follows (the BBC layout). Returns its index, or -1.
 */
function findHeadline(lines: string[]): number {
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return -1;
  const line = lines[first]!.trim();
  const next = lines[first + 1];
  const hasBodyAfter = lines.slice(first + 2).some((l) => l.trim() !== '');
  if (next === undefined || next.trim() !== '' || !hasBodyAfter) return -1;
  if (line.length > 160 || /[.;,]$/u.test(line) || CREDIT.test(line)) return -1;
  return first;
}

/**
 * Lines → paragraph texts. In a blank-line-separated file a paragraph may be wrapped over
 * several lines (joined with a space) except for list items, which stay paragraphs of their own.
 * In a line-per-paragraph file every non-blank line is a paragraph.
 */
function toParagraphLines(lines: string[]): { paragraphs: string[]; blankSeparated: boolean } {
  const nonBlank = lines.filter((l) => l.trim() !== '').length;
  const blocks: string[][] = [[]];
  for (const l of lines) {
    if (l.trim() === '') {
      if (blocks[blocks.length - 1]!.length) blocks.push([]);
    } else blocks[blocks.length - 1]!.push(l.trim());
  }
  const filled = blocks.filter((b) => b.length > 0);
  const blankSeparated = filled.length >= 2 && filled.length * 2 >= nonBlank;
  if (!blankSeparated) return { paragraphs: filled.flat(), blankSeparated };
  const out: string[] = [];
  for (const block of filled) {
    let current = '';
    for (const l of block) {
      if (current && !BULLET.test(l)) current += ' ' + l;
      else {
        if (current) out.push(current);
        current = l;
      }
    }
    if (current) out.push(current);
  }
  return { paragraphs: out, blankSeparated };
}

/**
 * Teasers are the trailing run of lines that starts with the first long line that is cut
 * mid-sentence or opened by a kicker. Everything from there on is a brief: a teaser may happen
 * to end on a full stop, but it is still not part of the main article. The first line is never
 * a teaser (a file always has its own story first).
 */
function findTeaserStart(lines: string[]): number {
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length >= TEASER_MIN && (!endsSentence(l) || splitKicker(l) !== null)) return i;
  }
  return lines.length;
}

function splitLongParagraph(p: string): string[] {
  if (p.length <= PARAGRAPH_SPLIT) return [p];
  const out: string[] = [];
  let rest = p;
  while (rest.length > PARAGRAPH_SPLIT) {
    // Cut after the last sentence end before the limit; else at the last space; else hard.
    const window = rest.slice(0, PARAGRAPH_SPLIT);
    let cut = -1;
    for (const m of window.matchAll(/[.!?…]["”’)]?\s+/gu))
      if (m.index > PARAGRAPH_SPLIT / 3) cut = m.index + m[0].length;
    if (cut < 0) cut = window.lastIndexOf(' ') + 1;
    if (cut <= 0) cut = PARAGRAPH_SPLIT;
    // Never cut a surrogate pair (emoji, rare CJK) in half.
    if (/[\uD800-\uDBFF]/u.test(rest.charAt(cut - 1))) cut -= 1;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim()) out.push(rest.trim());
  return out;
}

function baseName(fileId: string): string {
  return fileId.slice(fileId.lastIndexOf('/') + 1) || fileId;
}

/**
 * A file the parser found binary. Its control-character soup yields "names" like "Á0Vª" that
 * would pollute the entity lists: it is shown as text but not analysed.
 */
export function isBinaryFile(file: ParsedFile): boolean {
  return file.warnings.includes(BINARY_WARNING);
}

function looksBinary(text: string, encoding?: ParsedFile['encoding']): boolean {
  if (!text) return false;
  const sample = text.slice(0, 4096);
  // Not UTF-8 and a NUL byte early on: images, archives, PDFs and executables (random bytes hold
  // only ~9% of C0 controls, under the ratio below). Text editors do not write NULs.
  if (encoding === 'windows-1252' && sample.includes('\u0000')) return true;
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = sample.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/gu)?.length ?? 0;
  return controls / sample.length > 0.1;
}

/**
 * Every piece of file text a parsed file holds, in file order: headline, then per story its
 * kicker, paragraphs and credits. Used to prove that parsing loses nothing.
 */
export function storySourceText(file: ParsedFile): string[] {
  const out: string[] = [];
  const head = file.stories[0]?.headline;
  if (head) out.push(head);
  for (const s of file.stories) {
    if (s.kickerRaw) out.push(s.kickerRaw);
    out.push(...s.paragraphs, ...s.credits);
  }
  return out;
}
