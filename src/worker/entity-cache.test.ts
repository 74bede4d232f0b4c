import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PARSER_VERSION } from '../corpus/parse-file';
import { RULES_VERSION } from '../corpus/entities/analysis-version';
import { MODEL_VERSION } from '../corpus/entities/model/model-version';
import type { StoryEntities } from '../corpus/entities/types';
import { cacheKey, readCachedAnalyses, writeCachedAnalyses } from './entity-cache';

describe('the browser cache of entity analyses', () => {
  it('keys an analysis on the rules, the model and the parser, besides the text', () => {
    const k = cacheKey('abc123');
    expect(k).toContain(`r${RULES_VERSION}`);
    expect(k).toContain(MODEL_VERSION);
    // Mentions point into the parser's paragraphs: a new parser must not meet old offsets.
    expect(k).toContain(`p${PARSER_VERSION}`);
    expect(k.endsWith('abc123')).toBe(true);
  });

  it('gives back what it stored, per hash, and misses the others', async () => {
    const analyses = [{ storyId: 's', mentions: [] }] as unknown as StoryEntities[];
    await writeCachedAnalyses([['h1', analyses]]);
    const [hit, miss] = await readCachedAnalyses(['h1', 'h2']);
    expect(hit).toEqual(analyses);
    expect(miss).toBeUndefined();
  });
});
