import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listTxt, SEEDS_DIR } from '../../scripts/lib/corpora';
import { isBriefId, stepStory, storyOrder } from './library';
import { parseFile } from './parse-file';
import type { ManifestFile } from './types';

/** The seed folder's reading order: 3 articles, each followed by its 4 briefs. */
function seedOrder(): string[] {
  const files: ManifestFile[] = listTxt(SEEDS_DIR).map((name) => ({
    id: name.replace(/\.txt$/u, ''),
    path: name,
    section: null,
    size: 0,
    hash: '',
  }));
  const parsed = new Map(
    files.map((f) => [
      f.id,
      parseFile({ fileId: f.id, section: null, bytes: readFileSync(`${SEEDS_DIR}/${f.path}`) }),
    ]),
  );
  return storyOrder(files, parsed);
}

describe('stepStory (j/k and J/K)', () => {
  const order = seedOrder();
  const [a, b, c] = ['000_359807c817cdce2f', '002_54c47fb4e1efd86c', '003_94fd4063dbc03a91'];

  it('j/k step between articles, past their briefs', () => {
    expect(order).toHaveLength(15);
    expect(stepStory(order, a, 1, 'main')).toBe(b);
    expect(stepStory(order, b, 1, 'main')).toBe(c);
    expect(stepStory(order, c, -1, 'main')).toBe(b);
  });

  it('says null at either end instead of wrapping', () => {
    expect(stepStory(order, c, 1, 'main')).toBeNull();
    expect(stepStory(order, a, -1, 'main')).toBeNull();
    expect(stepStory(order, `${c}~4`, 1, 'any')).toBeNull();
  });

  it('J/K visit every story, briefs included; a brief steps on to the next article', () => {
    expect(stepStory(order, a, 1, 'any')).toBe(`${a}~1`);
    expect(stepStory(order, `${a}~4`, 1, 'any')).toBe(b);
    expect(stepStory(order, `${a}~2`, 1, 'main')).toBe(b);
    expect(stepStory(order, `${a}~2`, -1, 'main')).toBe(a);
  });

  it('follows a filter, and steps between briefs when the library shows briefs', () => {
    const only = new Set([a, c, `${b}~2`, `${c}~1`]);
    expect(stepStory(order, a, 1, 'main', (id) => only.has(id))).toBe(c);
    expect(stepStory(order, `${a}~1`, 1, 'brief')).toBe(`${a}~2`);
    expect(stepStory(order, a, 1, 'brief', (id) => only.has(id))).toBe(`${b}~2`);
    expect(stepStory(order, `${b}~2`, 1, 'brief', (id) => only.has(id))).toBe(`${c}~1`);
  });

  it('knows a brief id from an article id', () => {
    expect(isBriefId(`${a}~3`)).toBe(true);
    expect(isBriefId('business/001')).toBe(false);
    expect(stepStory(order, 'not-there', 1, 'any')).toBeNull();
  });
});
