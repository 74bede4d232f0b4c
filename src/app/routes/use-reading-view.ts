import { useMemo } from 'react';
import type { Story } from '../../corpus/types';
import { useReading } from '../../data/notebook/use-notebook';
import type { InProgress } from '../../features/library/continue-reading';

/** Stories in "Continue reading": begun, not finished. */
const CONTINUE_MAX = 4;
/** Below this, a story was opened rather than begun. */
const BEGUN = 0.05;

/** The library's view of reading state: read stories, and the stories to continue. */
export function useReadingView(stories: Story[]) {
  const records = useReading();
  const byId = useMemo(() => new Map(stories.map((s) => [s.id, s])), [stories]);
  return useMemo(() => {
    const readIds = new Set<string>();
    const begun = [];
    for (const r of records.values()) {
      if (r.read) readIds.add(r.storyId);
      else if (r.progress >= BEGUN && r.paragraph > 1) begun.push(r);
    }
    const inProgress: InProgress[] = begun
      .sort((a, b) => b.updated.localeCompare(a.updated))
      .flatMap((r) => {
        const story = byId.get(r.storyId);
        return story ? [{ story, progress: r.progress }] : [];
      })
      .slice(0, CONTINUE_MAX);
    return { readIds, inProgress };
  }, [records, byId]);
}
