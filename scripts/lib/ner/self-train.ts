/**
 * Self-training material: BBC stories tagged by the committed model, as CoNLL-like documents.
 * An experiment of the model card (`--self-train N` in train-entities); the 20 stories of the BBC
 * dev gold are left out so that its figure stays a held-out one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LABELS } from '../../../src/corpus/entities/model/linear-model';
import { splitSentences } from '../../../src/corpus/entities/model/sentences';
import { tagDocument } from '../../../src/corpus/entities/model/tagger';
import { wordTokens } from '../../../src/corpus/entities/word-tokens';
import { BBC_DIR, ROOT, loadFolder, rng } from '../corpora';
import type { ConllDoc } from './conll';
import { nodeTagger } from './node-tagger';

export function selfTrainingDocs(count: number, seed: number): ConllDoc[] {
  const gold = JSON.parse(
    readFileSync(path.join(ROOT, 'fixtures/entities/bbc-dev-gold.json'), 'utf8'),
  ) as Record<string, unknown>;
  const held = new Set(Object.keys(gold).map((k) => k.replace(/\.txt$/u, '')));
  const stories = loadFolder(BBC_DIR).stories.filter((s) => !held.has(s.fileId));
  const rand = rng(seed);
  for (let i = stories.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [stories[i], stories[j]] = [stories[j]!, stories[i]!];
  }
  const tagger = nodeTagger();
  return stories.slice(0, count).map((story) => {
    const words = story.paragraphs.flatMap((p) =>
      splitSentences(wordTokens(p)).map((s) => s.map((t) => t.text)),
    );
    const { labels } = tagDocument(tagger, words);
    return {
      sentences: words.map((w, i) => ({ words: w, tags: [...labels[i]!].map((l) => LABELS[l]!) })),
    };
  });
}
