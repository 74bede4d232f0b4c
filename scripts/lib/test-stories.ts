import { existsSync, readFileSync } from 'node:fs';
import { parseFile } from '../../src/corpus/parse-file';
import type { Story } from '../../src/corpus/types';
import { BBC_DIR, SEEDS_DIR } from './corpora';

/** Test helpers: real stories from the seeds and, where the shared corpus is there, BBC. */
export function seedStory(fileId = '002_54c47fb4e1efd86c', n = 0): Story {
  const bytes = readFileSync(`${SEEDS_DIR}/${fileId}.txt`);
  return parseFile({ fileId, section: null, bytes }).stories[n]!;
}

export const HAS_BBC = existsSync(BBC_DIR);

export function bbcStory(rel: string): Story {
  const bytes = readFileSync(`${BBC_DIR}/${rel}.txt`);
  const section = rel.split('/')[0] ?? null;
  return parseFile({ fileId: rel, section, bytes }).stories[0]!;
}
