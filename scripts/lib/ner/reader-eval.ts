/**
 * Scores the recognizer the way the reader runs it: files parsed with `parseFile`, every story
 * analysed with `analyzeStory` (model and rule layer), mentions compared with gold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeStory } from '../../../src/corpus/entities/recognize';
import type { Tagger } from '../../../src/corpus/entities/model/tagger';
import type { EntityType, Mention } from '../../../src/corpus/entities/types';
import type { ParsedFile } from '../../../src/corpus/types';
import { loadFolder } from '../corpora';
import { emptyScore, type SpanScore } from './conlleval';

export type GoldType = 'PER' | 'LOC' | 'ORG' | 'MISC';
export const GOLD_TYPE: Record<EntityType, GoldType> = {
  person: 'PER',
  place: 'LOC',
  organization: 'ORG',
};
export const SCORED = ['PER', 'LOC', 'ORG'] as const;

export interface GoldEntity {
  type: GoldType;
  text: string;
  start?: number;
  end?: number;
}
export type Gold = Record<string, GoldEntity[]>;

export interface FileMentions {
  doc: string;
  file: ParsedFile;
  /** Every mention with its offset in the file's text (when the paragraph is found verbatim). */
  mentions: (Mention & { fileStart: number })[];
}

export function readGold(file: string): Gold {
  return JSON.parse(readFileSync(file, 'utf8')) as Gold;
}

/** Analyses every file of `dir` that the gold names (all files when `only` is null). */
export function analyseFolder(dir: string, tagger: Tagger, only: Gold | null): FileMentions[] {
  const out: FileMentions[] = [];
  for (const file of loadFolder(dir).files) {
    const doc = `${file.fileId}.txt`;
    if (only && !(doc in only)) continue;
    const text = readFileSync(path.join(dir, doc), 'utf8');
    let cursor = 0;
    const mentions: FileMentions['mentions'] = [];
    for (const story of file.stories) {
      const bases = story.paragraphs.map((p) => {
        const at = text.indexOf(p, cursor);
        if (at >= 0) cursor = at + p.length;
        return at;
      });
      for (const m of analyzeStory(story, tagger).mentions) {
        const base = bases[m.paragraph]!;
        mentions.push({ ...m, fileStart: base < 0 ? -1 : base + m.start });
      }
    }
    out.push({ doc, file, mentions });
  }
  return out;
}

/**
 * The per-document SET of (type, surface), compared with the gold's: the figure the reader's
 * legend and entity pages depend on. MISC gold surfaces count neither way.
 */
export function setScore(files: FileMentions[], gold: Gold, errors?: string[]): SpanScore {
  const acc = emptyScore(SCORED);
  for (const { doc, mentions } of files) {
    const golds = gold[doc] ?? [];
    const misc = new Set(golds.filter((g) => g.type === 'MISC').map((g) => g.text));
    const want = new Set(golds.filter((g) => g.type !== 'MISC').map((g) => `${g.type}\t${g.text}`));
    const got = new Set<string>();
    for (const m of mentions) if (!misc.has(m.text)) got.add(`${GOLD_TYPE[m.type]}\t${m.text}`);
    for (const key of got) count(acc, key.slice(0, 3), want.has(key) ? 'tp' : 'fp');
    for (const key of want) if (!got.has(key)) count(acc, key.slice(0, 3), 'fn');
    if (errors) {
      for (const key of got) if (!want.has(key)) errors.push(`${doc}\tFP\t${key}`);
      for (const key of want) if (!got.has(key)) errors.push(`${doc}\tFN\t${key}`);
    }
  }
  return acc;
}

/**
 * Exact spans: a mention counts when its character span and type equal a gold entity's
 * (conlleval's rule, on the reader's own tokenization). Needs gold with offsets.
 */
export function exactSpanScore(files: FileMentions[], gold: Gold): SpanScore {
  const acc = emptyScore(SCORED);
  for (const { doc, mentions } of files) {
    const want = new Set(
      (gold[doc] ?? [])
        .filter((g) => g.type !== 'MISC')
        .map((g) => `${g.type}\t${g.start}\t${g.end}`),
    );
    const got = new Set(
      mentions.map((m) => `${GOLD_TYPE[m.type]}\t${m.fileStart}\t${m.fileStart + m.text.length}`),
    );
    for (const key of got) count(acc, key.slice(0, 3), want.has(key) ? 'tp' : 'fp');
    for (const key of want) if (!got.has(key)) count(acc, key.slice(0, 3), 'fn');
  }
  return acc;
}

function count(acc: SpanScore, type: string, kind: 'tp' | 'fp' | 'fn'): void {
  acc.byType[type]![kind]++;
  acc.all[kind]++;
}
