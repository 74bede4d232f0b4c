/**
 * Document rules on the forms one story writes its names in: joined and spaced, alone and
 * coordinated. The story's own evidence decides, as in document-rules.ts.
 */
import { foldText } from '../normalize';
import type { Story } from '../types';
import { entityId } from './ids';
import {
  rewriteSentences,
  replaceInside,
  SPAN_TYPES,
  type Sentence,
  type Span,
} from './document-rules';

/** One word with a capital inside it: how companies write a joined name. */
const CAMEL = /^\p{Lu}\p{Ll}+\p{Lu}[\p{L}]*$/u;
const CAPITALIZED = /^\p{Lu}/u;

/**
 * A name that a story writes both joined and spaced ("TimeWarner" and "Time Warner",
 * "GlaxoSmithKline" and "Glaxo SmithKline") is one name. The tagger knows the joined form's
 * shape as a name but may read the spaced form as a common word and a surname ("Time" and
 * "Warner", a person): the two words take the joined form's span, type and id.
 */
export function joinedSpellings(spans: Span[], sentences: Sentence[], story: Story): Span[] {
  const joined = new Map<string, { type: number; id: string }>();
  for (const sp of spans) {
    const type = SPAN_TYPES[sp.type];
    if (sp.first !== sp.last || !type) continue;
    const word = sentences[sp.sentence]!.tokens[sp.first]!.text;
    if (CAMEL.test(word)) joined.set(foldText(word), { type: sp.type, id: entityId(type, word) });
  }
  if (!joined.size) return spans;
  return rewriteSentences(spans, sentences, (own, s, si) => {
    const toks = s.tokens;
    for (let i = 0; i + 1 < toks.length; i++) {
      const a = toks[i]!;
      const b = toks[i + 1]!;
      if (!CAPITALIZED.test(a.text) || !CAPITALIZED.test(b.text) || a.end === b.start) continue;
      const found = joined.get(foldText(a.text + b.text));
      if (!found) continue;
      const replaced = replaceInside(own, {
        sentence: s,
        si,
        i,
        j: i + 1,
        type: found.type,
        story,
      });
      if (!replaced) continue;
      // One entity under both spellings: the spaced form takes the joined form's id.
      for (const sp of replaced) if (sp.first === i && sp.last === i + 1) sp.id = found.id;
      own = replaced;
      i++;
    }
    return own;
  });
}

/**
 * "Gazprom and Rosneft": two names the story also writes apart are two names, however the tagger
 * joined them (CoNLL's organizations do hold an "and": "Test and County Cricket Board", so only
 * the story's own evidence splits one). So is "Sony Music and Universal Music", whose halves end
 * in the same word: a name does not repeat its own head, two names of one kind do.
 */
export function splitCoordinated(spans: Span[], sentences: Sentence[], story: Story): Span[] {
  const keys = new Map<string, number>();
  for (const sp of spans) keys.set(sp.key, sp.type);
  const out: Span[] = [];
  for (const sp of spans) {
    const toks = sentences[sp.sentence]!.tokens;
    let k = sp.first + 1;
    if (sp.type === 2) while (k < sp.last && toks[k]!.text !== 'and') k++;
    if (sp.type !== 2 || k >= sp.last) {
      out.push(sp);
      continue;
    }
    const text = story.paragraphs[sp.paragraph]!;
    const left = foldText(text.slice(toks[sp.first]!.start, toks[k - 1]!.end));
    const right = foldText(text.slice(toks[k + 1]!.start, toks[sp.last]!.end));
    const sameHead =
      k - 1 > sp.first && sp.last > k + 1 && toks[k - 1]!.text === toks[sp.last]!.text;
    const lt = keys.get(left) ?? (sameHead ? sp.type : undefined);
    const rt = keys.get(right) ?? (sameHead ? sp.type : undefined);
    if (lt === undefined || rt === undefined) {
      out.push(sp);
      continue;
    }
    out.push(
      { ...sp, last: k - 1, type: lt, key: left, id: undefined },
      { ...sp, first: k + 1, type: rt, key: right, id: undefined },
    );
  }
  return out;
}
