import { describeRange } from './selectors';
import { storyText } from './story-text';
import type { Annotation, HighlightColor } from './types';

/** A test annotation on the first occurrence of `phrase` in a story's paragraphs. */
export function annotate(
  paragraphs: readonly string[],
  phrase: string,
  o: { id: string; storyId?: string; color?: HighlightColor; note?: string; created?: string },
): Annotation {
  const { text } = storyText(paragraphs);
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`not in the text: ${phrase}`);
  const s = describeRange(text, at, at + phrase.length)!;
  const created = o.created ?? '2025-11-20T10:00:00.000Z';
  return {
    id: o.id,
    storyId: o.storyId ?? 'story',
    storyTitle: 'A title',
    sourceHash: 'abc123',
    quote: s.quote,
    position: s.position,
    color: o.color ?? 'yellow',
    note: o.note ?? '',
    created,
    modified: created,
  };
}
