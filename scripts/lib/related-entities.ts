import { buildEntityTable } from '../../src/corpus/entities/entity-table';
import { analyzeStory } from '../../src/corpus/entities/recognize';
import { entityIdsByStory } from '../../src/corpus/related/entity-input';
import type { Story } from '../../src/corpus/types';
import { nodeTagger } from './ner/node-tagger';

/**
 * Entity ids per story from the recognizer, one entry per mention, ids canonicalised through the
 * entity table's `remap`.
 */
export async function loadEntityIds(stories: Story[]): Promise<Map<string, string[]> | undefined> {
  const tagger = nodeTagger();
  const analyses = stories.map((s) => analyzeStory(s, tagger));
  return entityIdsByStory(analyses, buildEntityTable(analyses).remap);
}
