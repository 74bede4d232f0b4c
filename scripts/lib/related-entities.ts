import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * `loadEntityIds`, kept in `file` (outside the repo, e.g. /tmp) between runs of an eval that
 * sweeps thread or related options: the recognizer is most of a BBC run's time. Without a file
 * it is `loadEntityIds`. A cache is only valid for the folder and model it was made from.
 */
export async function loadEntityIdsCached(
  stories: Story[],
  file: string | undefined,
): Promise<Map<string, string[]> | undefined> {
  if (file && existsSync(file)) {
    return new Map(JSON.parse(readFileSync(file, 'utf8')) as [string, string[]][]);
  }
  const ids = await loadEntityIds(stories);
  if (file && ids) writeFileSync(file, JSON.stringify([...ids]));
  return ids;
}
