import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SearchEntity } from '../../src/corpus/search/types';
import type { Story } from '../../src/corpus/types';
import { BBC_DIR, loadFolder, ROOT, SEEDS_DIR, type LoadedFolder } from './corpora';

/**
 * Corpora and entity data for the search tests, eval and bench, loaded once per process.
 */
const cache = new Map<string, LoadedFolder>();

export function seeds(): LoadedFolder {
  return cached('seeds', () => loadFolder(SEEDS_DIR));
}

export function bbc(): LoadedFolder {
  return cached('bbc', () => loadFolder(BBC_DIR));
}

export function hasBbc(): boolean {
  return existsSync(BBC_DIR);
}

function cached(key: string, load: () => LoadedFolder): LoadedFolder {
  let f = cache.get(key);
  if (!f) {
    f = load();
    cache.set(key, f);
  }
  return f;
}

interface RecognizerModule {
  analyzeStory: (story: Story) => unknown;
  buildEntityTable: (analyses: never[]) => {
    entities: Array<{
      id: string;
      name: string;
      type: SearchEntity['type'];
      aliases: string[];
      stories: Array<{ storyId: string }>;
    }>;
  };
}

/**
 * Entities of the stories from the recognizer (src/corpus/entities), converted to what
 * `setEntities` takes; null when the recognizer is not in the tree (it is built separately).
 */
export async function recognizeEntities(stories: readonly Story[]): Promise<SearchEntity[] | null> {
  const dir = path.join(ROOT, 'src/corpus/entities');
  if (
    !existsSync(path.join(dir, 'recognize.ts')) ||
    !existsSync(path.join(dir, 'entity-table.ts'))
  ) {
    return null;
  }
  const rec = (await import(path.join(dir, 'recognize.ts'))) as Pick<
    RecognizerModule,
    'analyzeStory'
  >;
  const table = (await import(path.join(dir, 'entity-table.ts'))) as Pick<
    RecognizerModule,
    'buildEntityTable'
  >;
  const analyses = stories.map((s) => rec.analyzeStory(s)) as never[];
  return table.buildEntityTable(analyses).entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    storyIds: e.stories.map((s) => s.storyId),
  }));
}
