/**
 * "Shanghai-based", "UK-listed", "US-led", "New York-born": a place fused to a participle is one
 * token to the tagger, as it is in CoNLL-2003, which calls the whole token MISC (18 times out of
 * 20 in `eng.testa`) and so shows nothing. A reader following a place across stories wants the
 * place marked there too, as annotation schemes that cut at the hyphen do (OntoNotes): the token
 * is cut after the tagger has read it, and the place part becomes a place.
 */
import { GAZ, type NerLexicon } from './model/lexicon';
import { IS_INSIDE, LABELS, type Label } from './model/linear-model';
import { isUpperStart } from './model/text-case';
import type { Sentence } from './document-rules';
import type { WordToken } from './word-tokens';

/** Participles news copy fuses to a place (general English): "-based", "-born", "-listed"… */
const COMPOUND =
  /^(\p{Lu}[\p{L}.]*)[-‐](based|born|bred|listed|headquartered|registered|owned|led|backed|run|bound)$/u;
const PLACE_CLASSES = (1 << GAZ.country) | (1 << GAZ.city) | (1 << GAZ.region);
/** Words before the fused one that may begin the place: "New York-based", "San Francisco-based". */
const MAX_BEFORE = 2;

const B_LOC = LABELS.indexOf('B-LOC');
const I_LOC = LABELS.indexOf('I-LOC');
const O = LABELS.indexOf('O');

/**
 * Cuts every fused place in the sentences (their tokens and labels both, so that the rules after
 * the tagger see the place as a token of its own) and labels the place part a place. Only a
 * place the gazetteers know is cut: "Linux-based" and "British-born" stay as they are.
 */
export function cutCompoundPlaces(
  sentences: Sentence[],
  labels: Uint8Array[],
  lexicon: NerLexicon,
): void {
  sentences.forEach((s, si) => {
    let lab = labels[si]!;
    for (let i = s.tokens.length - 1; i >= 0; i--) {
      const tok = s.tokens[i]!;
      const m = COMPOUND.exec(tok.text);
      if (!m) continue;
      const head = m[1]!;
      const before = placeStart(s.tokens, i, head, lexicon);
      if (before < 0) continue;
      const cut = tok.start + head.length;
      const parts: WordToken[] = [
        { text: head, start: tok.start, end: cut },
        { text: tok.text[head.length]!, start: cut, end: cut + 1 },
        { text: m[2]!, start: cut + 1, end: tok.end },
      ];
      s.tokens.splice(i, 1, ...parts);
      const next = new Uint8Array(lab.length + 2);
      next.set(lab.subarray(0, i), 0);
      next.set(lab.subarray(i + 1), i + 3);
      for (let k = before; k <= i; k++) next[k] = k === before ? B_LOC : I_LOC;
      next[i + 1] = O;
      next[i + 2] = O;
      // A name the tagger ran on past the place ("Shanghai-based Tencent" as one) starts anew.
      const after = next[i + 3];
      if (after !== undefined && IS_INSIDE[after])
        next[i + 3] = LABELS.indexOf(LABELS[after]!.replace('I-', 'B-') as Label);
      lab = next;
      // The words before the place are part of it: the scan goes on before them.
      i = before;
    }
    labels[si] = lab;
  });
}

/** Index of the place's first token (`i` alone, or up to two capitalized words before), or −1. */
function placeStart(
  tokens: readonly WordToken[],
  i: number,
  head: string,
  lex: NerLexicon,
): number {
  let best = -1;
  let phrase = head.toLowerCase();
  if (lex.phrase(phrase) & PLACE_CLASSES) best = i;
  for (let k = 1; k <= MAX_BEFORE && i - k >= 0; k++) {
    const word = tokens[i - k]!.text;
    if (!isUpperStart(word)) break;
    phrase = `${word.toLowerCase()} ${phrase}`;
    if (lex.phrase(phrase) & PLACE_CLASSES) best = i - k;
  }
  return best;
}
