import type { Story } from '../types';
import { ANALYSIS_VERSION } from './analysis-version.ts';
import { typeOfId } from './ids.ts';
import type { Mention, StoryEntities } from './types';

/**
 * The compact form of entity analyses that the build ships beside its text packs and keeps in its
 * disk cache. A mention is four integers, [paragraph delta, start delta, length, id index]: the
 * start counts from the end of the previous mention of the same paragraph (from 0 in a new one).
 * Neither its type (the id's prefix) nor its text (the paragraph's slice) is stored, and a
 * story's id is its file's business: the code depends on the text alone, so it is cached by
 * content hash. BBC: 6.3 MB of StoryEntities JSON (795 KB gzip) → ~300 KB gzip.
 *
 * Decoding checks every tuple against the story it is decoded for and gives up (undefined) on
 * anything that does not fit, so a stale or foreign analysis is re-done, never shown.
 */

/** One file's analyses: an id table and, per story (in file order), its mention tuples. */
export interface FileAnalysisCode {
  ids: string[];
  stories: number[][];
}

/** The analyses of one text pack's files, shipped as JSON beside it. */
export interface AnalysisPack {
  /** ANALYSIS_VERSION of the build: rules, model and parser. */
  version: string;
  /** Every id of the pack, most mentioned first (small indexes, fewer digits). */
  ids: string[];
  /** Per file of the text pack, in its order: [content hash, ...stories], or null (not analysed). */
  files: (PackedFile | null)[];
}
export type PackedFile = [hash: string, ...stories: number[][]];

const TUPLE = 4;

/**
 * A file's analyses in compact form, or null when one breaks what decoding relies on (mentions in
 * order and apart, text equal to the paragraph's slice, type equal to the id's): that file is
 * then left to the browser.
 */
export function encodeFile(
  stories: readonly Story[],
  analyses: readonly StoryEntities[],
): FileAnalysisCode | null {
  if (analyses.length !== stories.length) return null;
  const ids: string[] = [];
  const index = new Map<string, number>();
  const out: number[][] = [];
  for (let k = 0; k < stories.length; k++) {
    const paragraphs = stories[k]!.paragraphs;
    const ints: number[] = [];
    let paragraph = 0;
    let pos = 0;
    for (const m of analyses[k]!.mentions) {
      if (m.paragraph < paragraph) return null;
      if (m.paragraph > paragraph) pos = 0;
      const text = paragraphs[m.paragraph];
      if (m.start < pos || m.end <= m.start || text?.slice(m.start, m.end) !== m.text) return null;
      if (typeOfId(m.entityId) !== m.type) return null;
      let i = index.get(m.entityId);
      if (i === undefined) index.set(m.entityId, (i = ids.push(m.entityId) - 1));
      ints.push(m.paragraph - paragraph, m.start - pos, m.end - m.start, i);
      paragraph = m.paragraph;
      pos = m.end;
    }
    out.push(ints);
  }
  return { ids, stories: out };
}

/** One story's analysis from its tuples, or undefined when they do not fit its text. */
export function decodeStory(
  ints: readonly number[],
  ids: readonly string[],
  story: Story,
): StoryEntities | undefined {
  if (!Array.isArray(ints) || ints.length % TUPLE !== 0) return undefined;
  const mentions: Mention[] = [];
  let paragraph = 0;
  let pos = 0;
  for (let j = 0; j < ints.length; j += TUPLE) {
    const dp = ints[j]!;
    const ds = ints[j + 1]!;
    const length = ints[j + 2]!;
    const entityId = ids[ints[j + 3]!];
    if (!isCount(dp) || !isCount(ds) || !isCount(length) || length === 0) return undefined;
    if (dp > 0) pos = 0;
    paragraph += dp;
    const text = story.paragraphs[paragraph];
    const start = pos + ds;
    const end = start + length;
    if (text === undefined || end > text.length || typeof entityId !== 'string') return undefined;
    const type = typeOfId(entityId);
    if (type !== 'person' && type !== 'place' && type !== 'organization') return undefined;
    mentions.push({ paragraph, start, end, type, entityId, text: text.slice(start, end) });
    pos = end;
  }
  return { storyId: story.id, mentions };
}

/** A file's analyses, under its stories' ids, or undefined when they do not fit its stories. */
export function decodeFile(
  code: FileAnalysisCode,
  stories: readonly Story[],
): StoryEntities[] | undefined {
  if (code.stories.length !== stories.length) return undefined;
  const out: StoryEntities[] = [];
  for (let k = 0; k < stories.length; k++) {
    const a = decodeStory(code.stories[k]!, code.ids, stories[k]!);
    if (!a) return undefined;
    out.push(a);
  }
  return out;
}

/** Packs files' codes (null: not analysed) under one id table, most mentioned ids first. */
export function packAnalyses(
  files: readonly ({ hash: string; code: FileAnalysisCode } | null)[],
): AnalysisPack {
  const counts = new Map<string, number>();
  for (const f of files) {
    if (!f) continue;
    for (const ints of f.code.stories) {
      for (let j = 3; j < ints.length; j += TUPLE) {
        const id = f.code.ids[ints[j]!]!;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
  }
  // Ties by id: the same folder gives byte-identical packs (and pack names) on every build.
  const ids = [...counts.keys()].sort(
    (a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1),
  );
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    version: ANALYSIS_VERSION,
    ids,
    files: files.map((f) => {
      if (!f) return null;
      const remap = f.code.ids.map((id) => index.get(id)!);
      const stories = f.code.stories.map((ints) =>
        ints.map((n, j) => (j % TUPLE === 3 ? remap[n]! : n)),
      );
      return [f.hash, ...stories];
    }),
  };
}

/**
 * The `i`-th file of a pack, in the form this browser would have analysed it: null unless the pack
 * was made by the same rules, model and parser, for the same content (`hash`). Whether it fits the
 * file's stories is decodeFile's to check.
 */
export function packedFile(pack: AnalysisPack, i: number, hash: string): FileAnalysisCode | null {
  const f = pack.version === ANALYSIS_VERSION ? pack.files[i] : null;
  if (!Array.isArray(f) || f[0] !== hash) return null;
  return { ids: pack.ids, stories: f.slice(1) as number[][] };
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
