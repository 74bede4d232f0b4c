import type { Story } from '../types';
import type { RelatedIndex } from './related-index';
import { ENTITY_PREFIX, type RelatedOptions } from './related-options';
import type { TypedList } from './typed-list';

/**
 * The last stage of `relatedIndexSteps`: each story's weighed features become one row
 * (`Block`: kept, normalised, sorted), and the rows become the index's CSR arrays and its
 * head-term postings (`toIndex`). Apart from the counting so that each can be read alone.
 */
/** One block (terms or entities) of a row being weighed: kept, normalised, sorted, emitted. */
export class Block {
  private f: number[] = [];
  private w: number[] = [];
  private key: number[] = [];
  private norm = 0;

  constructor(private readonly names: string[]) {}

  clear(): void {
    this.f.length = 0;
    this.w.length = 0;
    this.norm = 0;
  }

  add(feature: number, weight: number): void {
    if (weight <= 0) return;
    this.f.push(feature);
    this.w.push(weight);
    this.norm += weight * weight;
  }

  /**
   * Appends the `max` heaviest features (ties by name), scaled to length `by` (over the kept
   * features when `renormalize`, else over all), in classic TF-IDF order (`classic`: the idf
   * factor the weight leaves out), ties by feature id.
   */
  emit(
    max: number,
    by: number,
    renormalize: boolean,
    classic: Float64Array,
    outF: TypedList<Int32Array>,
    outW: TypedList<Float32Array>,
  ): void {
    const { f, w, names } = this;
    let order = Array.from(f.keys());
    let norm = this.norm;
    if (order.length > max) {
      order.sort((a, b) => w[b]! - w[a]! || (names[f[a]!]! < names[f[b]!]! ? -1 : 1));
      order = order.slice(0, max);
      if (renormalize) norm = order.reduce((s, i) => s + w[i]! * w[i]!, 0);
    }
    norm = Math.sqrt(norm);
    if (norm === 0 || by === 0) return;
    const key = this.key;
    for (const i of order) key[i] = w[i]! * classic[f[i]!]!;
    order.sort((a, b) => key[b]! - key[a]! || f[a]! - f[b]!);
    for (const i of order) {
      outF.push(f[i]!);
      outW.push((w[i]! / norm) * by);
    }
  }
}

export function toIndex(
  stories: Story[],
  rowStart: Uint32Array,
  rowFeature: Int32Array,
  rowWeight: Float32Array,
  /** Every counted feature's name, by id. */
  names: readonly string[],
  /** The word to show for a term feature (`Vocabulary.labels`). */
  label: (feature: string) => string,
  plainIdf: Float64Array,
  options: RelatedOptions,
  dupGroup: Int32Array,
): RelatedIndex {
  // Only features some story kept enter the vocabulary; ids follow first appearance.
  const remap = new Int32Array(names.length).fill(-1);
  const kept: number[] = [];
  for (const f of rowFeature) {
    if (remap[f] === -1) {
      remap[f] = kept.length;
      kept.push(f);
    }
  }
  const nf = kept.length;
  const n = stories.length;
  const docStart = rowStart;
  const docFeature = new (nf <= 0x10000 ? Uint16Array : Uint32Array)(rowFeature.length);
  for (let i = 0; i < rowFeature.length; i++) docFeature[i] = remap[rowFeature[i]!]!;
  // A copy: the view's buffer has room for every counted feature.
  const docWeight = rowWeight.slice();
  const postStart = new Uint32Array(nf + 1);
  for (let d = 0; d < n; d++) {
    const end = Math.min(docStart[d + 1]!, docStart[d]! + options.headTerms);
    for (let i = docStart[d]!; i < end; i++) postStart[docFeature[i]! + 1]!++;
  }
  for (let f = 0; f < nf; f++) postStart[f + 1] = postStart[f]! + postStart[f + 1]!;
  const fill = postStart.slice(0, nf);
  const postDoc = new (n <= 0x10000 ? Uint16Array : Uint32Array)(postStart[nf]!);
  const postWeight = new Float32Array(postDoc.length);
  for (let d = 0; d < n; d++) {
    const end = Math.min(docStart[d + 1]!, docStart[d]! + options.headTerms);
    for (let i = docStart[d]!; i < end; i++) {
      const at = fill[docFeature[i]!]!++;
      postDoc[at] = d;
      postWeight[at] = docWeight[i]!;
    }
  }
  return {
    version: 1,
    options,
    storyIds: stories.map((s) => s.id),
    features: kept.map((f) => {
      const name = names[f]!;
      return name.startsWith(ENTITY_PREFIX) ? name : label(name);
    }),
    featureIdf: Float32Array.from(kept, (f) => plainIdf[f]!),
    docStart,
    docFeature,
    docWeight,
    postStart,
    postDoc,
    postWeight,
    dupGroup,
  };
}
