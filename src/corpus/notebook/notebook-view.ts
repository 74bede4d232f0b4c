import { foldText } from '../normalize';
import type { AnchoredAnnotation, HighlightColor } from './types';

/**
 * What the notebook page shows: annotations grouped by story, newest first (stories by their
 * newest annotation, annotations by creation), narrowed by colour, story, entity and words.
 */
export interface NotebookFilter {
  colors: readonly HighlightColor[];
  storyId: string | null;
  /** Entity id; an annotation matches when its text or paragraph names the entity. */
  entityId: string | null;
  /** Words that must all appear in the quote or the note (case and accents ignored). */
  text: string;
}

export interface StoryGroup {
  storyId: string;
  title: string;
  items: AnchoredAnnotation[];
}

export function filterAnnotations(
  items: readonly AnchoredAnnotation[],
  f: NotebookFilter,
  entitiesOf: (item: AnchoredAnnotation) => readonly string[] | undefined,
): AnchoredAnnotation[] {
  const words = foldText(f.text).split(/\s+/u).filter(Boolean);
  return items.filter(({ annotation: a, ...rest }) => {
    if (f.colors.length && !f.colors.includes(a.color)) return false;
    if (f.storyId && a.storyId !== f.storyId) return false;
    if (f.entityId && !(entitiesOf({ annotation: a, ...rest }) ?? []).includes(f.entityId))
      return false;
    if (words.length) {
      const hay = foldText(`${a.quote.exact}\n${a.note}`);
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

export function groupByStory(
  items: readonly AnchoredAnnotation[],
  titleOf: (storyId: string) => string | undefined,
): StoryGroup[] {
  const groups = new Map<string, StoryGroup>();
  const newest = [...items].sort(
    (a, b) =>
      b.annotation.created.localeCompare(a.annotation.created) ||
      a.annotation.id.localeCompare(b.annotation.id),
  );
  for (const item of newest) {
    const { storyId, storyTitle } = item.annotation;
    let g = groups.get(storyId);
    if (!g) {
      g = { storyId, title: titleOf(storyId) ?? (storyTitle || storyId), items: [] };
      groups.set(storyId, g);
    }
    g.items.push(item);
  }
  return [...groups.values()];
}

/**
 * Entities an annotation names: those mentioned in a paragraph it touches ("its text or paragraph
 * names it": a mention inside the quote is in such a paragraph too). Mentions are per paragraph,
 * as the recognizer gives them.
 */
export function entitiesInParagraphs(
  paragraphs: readonly number[],
  mentions: readonly { paragraph: number; entityId: string }[],
): string[] {
  const wanted = new Set(paragraphs);
  return [...new Set(mentions.filter((m) => wanted.has(m.paragraph)).map((m) => m.entityId))];
}
