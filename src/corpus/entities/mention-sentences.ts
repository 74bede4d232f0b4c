import { sentenceAround } from '../sentences';

/** A sentence naming an entity, with the mention's offsets inside it. */
export interface MentionSentence {
  storyId: string;
  /** 1-based, as paragraph links are. */
  paragraph: number;
  text: string;
  ranges: [number, number][];
}

/**
 * Adds the sentence around mention `m` of a story to `out`, or, when the last sentence added is
 * the same one (a name said twice in a sentence), marks the mention in it. The entity page lists
 * these, in the whole folder (worker/engine-queries.ts) and in an archive (made at build time).
 */
export function addMentionSentence(
  out: MentionSentence[],
  storyId: string,
  paragraphs: readonly string[],
  m: { paragraph: number; start: number; end: number },
): void {
  const text = paragraphs[m.paragraph] ?? '';
  const span = sentenceAround(text, m.start, m.end);
  const last = out[out.length - 1];
  const sentence = text.slice(span.start, span.end);
  const ranges: [number, number][] = [[m.start - span.start, m.end - span.start]];
  if (
    last &&
    last.storyId === storyId &&
    last.paragraph === m.paragraph + 1 &&
    last.text === sentence
  ) {
    last.ranges.push(...ranges);
  } else {
    out.push({ storyId, paragraph: m.paragraph + 1, text: sentence, ranges });
  }
}
