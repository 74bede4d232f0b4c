/**
 * Broadcasters named by a number: "Channel 4", "BBC Radio 4", "Radio 1". The tagger never saw
 * one (`eng.train` and `eng.testa` have no "Channel" or "Radio" before a number), so it read
 * "Channel" as the common word and cut "BBC Radio 4" before its number. General knowledge of how
 * stations are named; the BBC folder has 72 "Radio 4" and 28 "Channel 4".
 */
import type { Story } from '../types';
import { replaceInside, rewriteSentences, type Sentence, type Span } from './document-rules';

const STATION_WORDS = new Set(['Channel', 'Radio']);
const NUMBER = /^\d{1,2}$/u;
const ORG = 2;

/** "Channel"/"Radio" and a number, with the name they continue ("BBC"), is one organization. */
export function numberedStations(spans: Span[], sentences: Sentence[], story: Story): Span[] {
  return rewriteSentences(spans, sentences, (own, s, si) => {
    const toks = s.tokens;
    for (let i = 0; i + 1 < toks.length; i++) {
      if (!STATION_WORDS.has(toks[i]!.text) || !NUMBER.test(toks[i + 1]!.text)) continue;
      // The owner's name before it joins: "BBC Radio 4", as the tagger's "BBC Radio" or "BBC".
      const before = own.find((sp) => sp.last === i || sp.last === i - 1);
      const first = before && before.type === ORG ? before.first : i;
      own = replaceInside(own, { sentence: s, si, i: first, j: i + 1, type: ORG, story }) ?? own;
    }
    return own;
  });
}
