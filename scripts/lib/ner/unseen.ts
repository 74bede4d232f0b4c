/**
 * Scores on names the model never saw in training, the breakdown of Augenstein et al. (2017),
 * "Generalisation in named entity recognition": dev shares many names with train (Reuters of the
 * same weeks), so the overall dev figure overstates unseen news. A span counts here when its
 * words never form a name of any type in `eng.train`; gold and predicted spans are filtered
 * the same way, so a match is a match in both.
 */
import { bioSpans, type ConllDoc } from './conll';
import { emptyScore, scoreSentence, type SpanScore, type TokenSpan } from './conlleval';

/** Every name surface of the training documents, any type. */
export function trainSurfaces(train: readonly ConllDoc[]): Set<string> {
  const out = new Set<string>();
  for (const d of train)
    for (const s of d.sentences)
      for (const sp of bioSpans(s.tags)) out.add(s.words.slice(sp.start, sp.end).join(' '));
  return out;
}

/** conlleval counts over the spans whose surface is not in `seen`. */
export function unseenScore(
  docs: readonly ConllDoc[],
  labels: readonly Uint8Array[][],
  labelNames: readonly string[],
  seen: ReadonlySet<string>,
  types: readonly string[],
): SpanScore {
  const acc = emptyScore(types);
  docs.forEach((d, k) =>
    d.sentences.forEach((s, i) => {
      const pred = [...labels[k]![i]!].map((y) => labelNames[y]!);
      const unseen = (sp: TokenSpan): boolean =>
        !seen.has(s.words.slice(sp.start, sp.end).join(' '));
      scoreSentence(s.tags, pred, types, acc, unseen);
    }),
  );
  return acc;
}
