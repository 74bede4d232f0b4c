import { foldText } from '../normalize';
import type { Annotation, HighlightColor } from './types';

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

/** Anything that carries an annotation (placed or not). */
interface Item {
  annotation: Annotation;
}

export interface StoryGroup<T extends Item = Item> {
  storyId: string;
  title: string;
  items: T[];
}

export function filterAnnotations<T extends Item>(
  items: readonly T[],
  f: NotebookFilter,
  entitiesOf: (item: T) => readonly string[] | undefined,
): T[] {
  const words = foldText(f.text).split(/\s+/u).filter(Boolean);
  return items.filter((item) => {
    const a = item.annotation;
    if (f.colors.length && !f.colors.includes(a.color)) return false;
    if (f.storyId && a.storyId !== f.storyId) return false;
    if (f.entityId && !(entitiesOf(item) ?? []).includes(f.entityId)) return false;
    if (words.length) {
      const hay = foldText(`${a.quote.exact}\n${a.note}`);
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

export function groupByStory<T extends Item>(
  items: readonly T[],
  titleOf: (storyId: string) => string | undefined,
): StoryGroup<T>[] {
  const groups = new Map<string, StoryGroup<T>>();
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
