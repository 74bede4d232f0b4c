/**
 * Reader for the CoNLL-2003 column files (`word POS chunk NER`, IOB1). Only the word and the NER
 * tag are kept: the reader has raw text only, so the model may not use the POS or chunk columns.
 */
import { readFileSync } from 'node:fs';

export interface ConllSentence {
  words: string[];
  /** IOB2 (BIO) tags: B-PER, I-PER, …, O. */
  tags: string[];
}

export interface ConllDoc {
  sentences: ConllSentence[];
}

/** Reads a CoNLL-2003 file into documents of sentences, tags converted from IOB1 to BIO. */
export function readConll(file: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  // eng.testa opens without a -DOCSTART- line: its first document starts at once.
  let doc: ConllDoc | null = null;
  let sent: ConllSentence = { words: [], tags: [] };
  const flush = (): void => {
    if (sent.words.length && doc) doc.sentences.push({ words: sent.words, tags: toBio(sent.tags) });
    sent = { words: [], tags: [] };
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cols = line.trim().split(' ');
    if (cols[0] === '-DOCSTART-') {
      flush();
      if (!doc || doc.sentences.length) docs.push((doc = { sentences: [] }));
    } else if (!line.trim()) flush();
    else {
      if (!doc) docs.push((doc = { sentences: [] }));
      sent.words.push(cols[0]!);
      sent.tags.push(cols[cols.length - 1]!);
    }
  }
  flush();
  return docs.filter((d) => d.sentences.length);
}

/** IOB1 (`I-` unless two entities of one type touch) to IOB2 (every entity opens with `B-`). */
export function toBio(tags: readonly string[]): string[] {
  return tags.map((t, i) => {
    if (t === 'O' || t.startsWith('B-')) return t;
    const prev = tags[i - 1];
    const type = t.slice(2);
    return prev && prev !== 'O' && prev.slice(2) === type ? t : `B-${type}`;
  });
}

/** Spans `[start, end)` with their type from BIO tags (a stray I- opens a span, as conlleval). */
export function bioSpans(tags: readonly string[]): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  let cur: { start: number; end: number; type: string } | null = null;
  tags.forEach((t, i) => {
    const type = t === 'O' ? null : t.slice(2);
    const continues = cur && t.startsWith('I-') && type === cur.type;
    if (continues) {
      cur!.end = i + 1;
      return;
    }
    if (cur) out.push(cur);
    cur = type ? { start: i, end: i + 1, type } : null;
  });
  if (cur) out.push(cur);
  return out;
}
