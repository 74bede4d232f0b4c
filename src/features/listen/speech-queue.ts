/**
 * What Listen speaks, in what order: the story cut into utterances. Plain TypeScript (no DOM, no
 * React), so it is tested in Node.
 *
 * Why cut at all: Chrome stops an utterance after ~15 s (its network voices are cut silently,
 * with no `end` event), so a paragraph of a minute's speech never finishes. Utterances of a
 * sentence or two, at most MAX_CHUNK characters (~30 words, ~10 s at 1×, ~14 s at 0.75×), stay
 * under that; short sentences are joined up to that length, so "Mr. Smith" is not two utterances
 * and the voice does not pause between every short sentence.
 */

/** Longest utterance, in characters (see above). */
export const MAX_CHUNK = 180;
/** A long sentence is cut at a comma (or ; : –) only past this share of MAX_CHUNK, else at a space. */
const MIN_CLAUSE_SHARE = 0.4;

const CLOSERS = '”’"\')]';

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter('en', { granularity: 'sentence' })
    : null;

function sentences(text: string): string[] {
  if (segmenter) return Array.from(segmenter.segment(text), (s) => s.segment);
  // Browsers without Intl.Segmenter (Firefox before 125): end punctuation, then a space.
  return text.match(/[^.!?…]+(?:[.!?…]+["'”’)\]]*\s*|$)/gu) ?? [text];
}

/** Cuts one sentence longer than `max` at clause punctuation, else at a space, else anywhere. */
function cutLong(sentence: string, max: number): string[] {
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    const head = rest.slice(0, max + 1);
    // Room for a closing quote or two after the comma.
    const clauseHead = rest.slice(0, max - 2);
    const clause = Math.max(...[',', ';', ':', ' –', ' —'].map((p) => clauseHead.lastIndexOf(p)));
    const space = head.lastIndexOf(' ');
    let at: number;
    if (clause >= max * MIN_CLAUSE_SHARE) {
      at = head[clause] === ' ' ? clause : clause + 1;
      // A quote closed after the comma (`Ukraine,” Putin wrote`) stays with its words.
      while (at < rest.length && CLOSERS.includes(rest[at]!)) at++;
    } else if (space > 0) at = space;
    else at = max; // one "word" longer than an utterance (a URL, a 20 MB line of no spaces)
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  out.push(rest);
  return out;
}

/**
 * A paragraph as utterances: sentences joined up to `max` characters, long ones cut. Each piece
 * is trimmed; whitespace-only text gives none. Joined with spaces, the pieces are the text with
 * its whitespace runs normalised (nothing is dropped).
 */
export function speechChunks(text: string, max = MAX_CHUNK): string[] {
  const out: string[] = [];
  let current = '';
  for (const s of sentences(text).flatMap((s) => cutLong(s, max))) {
    const piece = s.trim();
    if (!piece) continue;
    if (current && current.length + 1 + piece.length <= max) current += ` ${piece}`;
    else {
      if (current) out.push(current);
      current = piece;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Where Listen is: a paragraph (0-based; TITLE for the headline) and an utterance in it. */
export interface SpeechPosition {
  paragraph: number;
  chunk: number;
}

/** The headline's "paragraph", spoken before paragraph 1 when a story is heard from the top. */
export const TITLE = -1;

/**
 * A story's utterances, cut lazily: the 20 MB one-line file has ~8,700 paragraphs, and only the
 * ones that are reached are ever cut.
 */
export class SpeechQueue {
  private readonly cache = new Map<number, string[]>();

  constructor(
    private readonly paragraphs: readonly string[],
    /** Spoken first from the top; null when the title repeats the first paragraph. */
    private readonly title: string | null,
  ) {}

  get paragraphCount(): number {
    return this.paragraphs.length;
  }

  chunks(paragraph: number): string[] {
    let c = this.cache.get(paragraph);
    if (!c) {
      const text = paragraph === TITLE ? this.title : this.paragraphs[paragraph];
      c = text ? speechChunks(text) : [];
      this.cache.set(paragraph, c);
    }
    return c;
  }

  text(at: SpeechPosition): string | null {
    return this.chunks(at.paragraph)[at.chunk] ?? null;
  }

  /** Where a story heard from the top starts: its title, else the first paragraph with words. */
  start(): SpeechPosition | null {
    if (this.chunks(TITLE).length > 0) return { paragraph: TITLE, chunk: 0 };
    return this.paragraphFrom(0, 1);
  }

  /** The utterance after `at`: the next one of its paragraph, else the next paragraph's first. */
  next(at: SpeechPosition): SpeechPosition | null {
    if (at.chunk + 1 < this.chunks(at.paragraph).length) return { ...at, chunk: at.chunk + 1 };
    return this.paragraphFrom(at.paragraph + 1, 1);
  }

  /**
   * The paragraph `delta` away (+1 next, -1 previous), skipping paragraphs without words; from
   * the first paragraph, back to the title. Null at either end.
   */
  step(at: SpeechPosition, delta: 1 | -1): SpeechPosition | null {
    const to = this.paragraphFrom(at.paragraph + delta, delta);
    if (to || delta > 0 || at.paragraph === TITLE) return to;
    return this.chunks(TITLE).length > 0 ? { paragraph: TITLE, chunk: 0 } : null;
  }

  /** The first paragraph with words from `from` on, in direction `dir` (forward from 0 at least). */
  paragraphFrom(from: number, dir: 1 | -1): SpeechPosition | null {
    for (
      let p = dir > 0 ? Math.max(0, from) : from;
      p >= 0 && p < this.paragraphs.length;
      p += dir
    ) {
      if (this.chunks(p).length > 0) return { paragraph: p, chunk: 0 };
    }
    return null;
  }
}
