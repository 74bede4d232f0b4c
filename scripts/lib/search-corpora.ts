import { existsSync } from 'node:fs';
import { buildEntityTable } from '../../src/corpus/entities/entity-table';
import { analyzeStory } from '../../src/corpus/entities/recognize';
import type { SearchEntity } from '../../src/corpus/search/types';
import type { Story } from '../../src/corpus/types';
import { BBC_DIR, loadFolder, SEEDS_DIR, type LoadedFolder } from './corpora';
import { nodeTagger } from './ner/node-tagger';

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

/** Entities of the stories from the recognizer, converted to what `setEntities` takes. */
export async function recognizeEntities(stories: readonly Story[]): Promise<SearchEntity[] | null> {
  const tagger = nodeTagger();
  const analyses = stories.map((s) => analyzeStory(s, tagger));
  return buildEntityTable(analyses).entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    storyIds: e.stories.map((s) => s.storyId),
  }));
}
