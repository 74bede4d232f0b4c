import type { Annotation } from './types';

/**
 * Import merges, it never replaces: an annotation already here (same id) keeps the newer of the
 * two versions; one with another id but the same story, quote and place is the same highlight
 * imported from an export of an older copy and is not added twice; the rest is new.
 */
export interface MergePlan {
  /** Records to write (new ones and newer versions). */
  put: Annotation[];
  added: number;
  updated: number;
  unchanged: number;
}

export function planMerge(
  existing: Iterable<Annotation>,
  incoming: readonly Annotation[],
): MergePlan {
  const byId = new Map<string, Annotation>();
  const byPlace = new Map<string, Annotation>();
  for (const a of existing) {
    byId.set(a.id, a);
    byPlace.set(placeKey(a), a);
  }
  const plan: MergePlan = { put: [], added: 0, updated: 0, unchanged: 0 };
  for (const a of incoming) {
    const same = byId.get(a.id) ?? byPlace.get(placeKey(a));
    if (!same) {
      plan.put.push(a);
      plan.added++;
    } else if (same.id === a.id && a.modified > same.modified && !sameContent(a, same)) {
      plan.put.push(a);
      plan.updated++;
    } else {
      plan.unchanged++;
      continue;
    }
    byId.set(a.id, a);
    byPlace.set(placeKey(a), a);
  }
  return plan;
}

function placeKey(a: Annotation): string {
  return JSON.stringify([a.storyId, a.quote.exact, a.position.start, a.position.end]);
}

/** True when two records say the same thing (all fields, selectors included). */
export function sameContent(a: Annotation, b: Annotation): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** The record with its fields in one order, for comparing and hashing. */
export function canonical(a: Annotation): Annotation {
  return {
    id: a.id,
    storyId: a.storyId,
    storyTitle: a.storyTitle,
    sourceHash: a.sourceHash,
    quote: {
      type: 'TextQuoteSelector',
      exact: a.quote.exact,
      prefix: a.quote.prefix,
      suffix: a.quote.suffix,
    },
    position: { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
    color: a.color,
    note: a.note,
    created: a.created,
    modified: a.modified,
  };
}
