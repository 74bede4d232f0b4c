import type { ReadingEntry } from './types';

/**
 * Reading state in the notebook's JSON-LD export. The Web Annotation model has no term for it, so
 * it rides as `dispatch:reading` on the collection: other tools ignore it, ours round-trip it.
 * It is the reader's own data too (what was read, where they stopped), so it is exported with
 * the highlights and never left behind by a move to another browser.
 */

/** The records as exported: in story order, so two exports of one state are identical. */
export function readingToJson(entries: readonly ReadingEntry[]): ReadingEntry[] {
  return [...entries]
    .sort((a, b) => (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0))
    .map(({ storyId, read, paragraph, progress, updated }) => ({
      storyId,
      read,
      paragraph,
      progress,
      updated,
    }));
}

/** The readable records of a document's `dispatch:reading` (none when absent); bad ones skipped. */
export function readingFromJson(doc: unknown): ReadingEntry[] {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return [];
  const list = (doc as Record<string, unknown>)['dispatch:reading'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((r: unknown): ReadingEntry[] => {
    if (typeof r !== 'object' || r === null) return [];
    const { storyId, read, paragraph, progress, updated } = r as Record<string, unknown>;
    if (typeof storyId !== 'string' || !storyId || typeof read !== 'boolean') return [];
    if (typeof updated !== 'string' || Number.isNaN(Date.parse(updated))) return [];
    const p = Number.isSafeInteger(paragraph) && (paragraph as number) >= 0 ? paragraph : 0;
    const f = typeof progress === 'number' && progress >= 0 && progress <= 1 ? progress : 0;
    return [{ storyId, read, paragraph: p as number, progress: f, updated }];
  });
}

/**
 * What an import changes: for each story, the imported record when this browser has none or an
 * older one. A newer local record is kept, so importing an old export never rewinds a reader.
 */
export function readingToApply(
  local: ReadonlyMap<string, ReadingEntry>,
  imported: readonly ReadingEntry[],
): ReadingEntry[] {
  return imported.filter((r) => {
    const mine = local.get(r.storyId);
    return !mine || mine.updated < r.updated;
  });
}
