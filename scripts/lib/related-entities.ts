import { existsSync } from 'node:fs';
import path from 'node:path';
import { entityIdsByStory } from '../../src/corpus/related/entity-input';
import type { StoryEntities } from '../../src/corpus/entities/types';
import type { Story } from '../../src/corpus/types';
import { ROOT } from './corpora';

/**
 * Entity ids per story from src/corpus/entities, loaded dynamically so the related scripts run
 * before that module has landed: undefined when it is missing or its API differs.
 * One entry per mention, ids canonicalised through the entity table's `remap`.
 */
export async function loadEntityIds(stories: Story[]): Promise<Map<string, string[]> | undefined> {
  const dir = path.join(ROOT, 'src/corpus/entities');
  if (!existsSync(path.join(dir, 'recognize.ts'))) return undefined;
  try {
    const recognize = (await import(path.join(dir, 'recognize.ts'))) as {
      analyzeStory: (s: Story) => StoryEntities;
    };
    const table = existsSync(path.join(dir, 'entity-table.ts'))
      ? ((await import(path.join(dir, 'entity-table.ts'))) as {
          buildEntityTable: (a: StoryEntities[]) => { remap: Record<string, string> };
        })
      : undefined;
    const analyses = stories.map((s) => recognize.analyzeStory(s));
    return entityIdsByStory(analyses, table?.buildEntityTable(analyses).remap);
  } catch (err) {
    console.log(`  (entities: could not load src/corpus/entities: ${String(err)})`);
    return undefined;
  }
}
