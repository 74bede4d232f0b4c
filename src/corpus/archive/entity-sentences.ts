import { addMentionSentence, type MentionSentence } from '../entities/mention-sentences';
import type { StoryEntities } from '../entities/types';
import type { EntityTable } from '../tables/folder-tables';
import type { Story } from '../types';
import type { ArchiveSentence } from './archive-format';

/**
 * Every entity's first sentences, as the whole folder's entity page lists them (worker
 * engine-queries.ts `entityPage`: its stories most mentions first, each mention's sentence, a
 * sentence naming it twice listed once), cut at `cap`. They need every story's text and names,
 * so the build makes them in the tables thread, before it lets the analyses go (vite/tables-
 * thread.ts); the archive's entity groups put them with each entity.
 */
export function entitySentences(
  table: EntityTable,
  analyses: ReadonlyMap<string, StoryEntities>,
  storyOf: (storyId: string) => Story | undefined,
  cap: number,
): Record<string, ArchiveSentence[]> {
  const out: Record<string, ArchiveSentence[]> = {};
  for (const e of table.entities) {
    const sentences: MentionSentence[] = [];
    for (const { storyId } of e.stories) {
      if (sentences.length >= cap) break;
      const story = storyOf(storyId);
      const analysis = analyses.get(storyId);
      if (!story || !analysis) continue;
      for (const m of analysis.mentions) {
        if ((table.remap[m.entityId] ?? m.entityId) !== e.id) continue;
        if (sentences.length >= cap) break;
        addMentionSentence(sentences, storyId, story.paragraphs, m);
      }
    }
    out[e.id] = sentences.map((s) => [s.storyId, s.paragraph, s.text, s.ranges.flat()]);
  }
  return out;
}
