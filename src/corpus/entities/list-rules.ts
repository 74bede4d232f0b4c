/**
 * Names listed together are names of one kind: "Hislop, Quashie, Cisse", "Lehmann, Fabregas,
 * Senderos, Hoyte". The tagger reads each item from its own few words, so the odd one out in a
 * list of players (a surname that is also a French town, "Clichy") comes out a place. A list is
 * the sentence's own evidence of what its items are, like a story's other mentions of a name.
 */
import type { Sentence, Span } from './document-rules';

/** Separators between the items of a list: ", ", " and ", ", and ", " or ". */
const SEPARATORS = new Set([',', 'and', ',|and', 'or', ',|or', '&']);
/** A list has at least this many names… */
const MIN_ITEMS = 3;

/**
 * In a list of at least three names, at most a third of them typed differently from all the
 * others take the others' type. MISC items (nationalities, events) are never changed, nor made
 * the list's type: a list of them says little about a person or place beside them.
 */
export function listConsistency(spans: Span[], sentences: Sentence[]): void {
  let run: Span[] = [];
  const flush = (): void => {
    if (run.length >= MIN_ITEMS) retype(run);
    run = [];
  };
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k]!;
    const prev = run[run.length - 1];
    if (prev && !(prev.sentence === sp.sentence && separated(sentences, prev, sp))) flush();
    run.push(sp);
  }
  flush();
}

function separated(sentences: Sentence[], a: Span, b: Span): boolean {
  const toks = sentences[a.sentence]!.tokens;
  const between: string[] = [];
  for (let i = a.last + 1; i < b.first; i++) between.push(toks[i]!.text.toLowerCase());
  return SEPARATORS.has(between.join('|'));
}

function retype(items: Span[]): void {
  const counts = [0, 0, 0, 0];
  for (const sp of items) counts[sp.type]!++;
  let best = 0;
  for (let t = 1; t < 3; t++) if (counts[t]! > counts[best]!) best = t;
  const outliers = items.filter((sp) => sp.type !== best && sp.type !== 3).length;
  if (outliers === 0 || outliers * 3 > items.length || counts[best]! < 2) return;
  for (const sp of items) {
    if (sp.type === best || sp.type === 3) continue;
    sp.type = best;
    sp.id = undefined;
  }
}
