import { buildSearchIndex } from '../src/corpus/search/search-index';
import type { IndexedDoc, SearchIndex } from '../src/corpus/search/types';
import type { Story } from '../src/corpus/types';
import { partOf, type IndexPart } from './index-part';

/**
 * The folder's search index put together from per-file parts (index-part.ts), file by file in
 * folder order: the index `buildSearchIndex` makes over all the stories, without tokenizing
 * them again, in typed arrays. A part's terms are renumbered in the order its tokens first
 * use them, which gives the ids `addStories` would; the postings are derived from the tokens at
 * the end (`finish`), packed in one array (`SearchIndex.packed`) rather than grown as a plain
 * array per term: at 100,000 files that is ~25 million postings pushed onto ~10^6 arrays.
 */
export class IndexAssembler {
  private readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly docs: IndexedDoc[] = [];
  private readonly known = new Set<string>();
  private totalBodyTokens = 0;

  /**
   * Appends a part. False, with nothing appended, when one of its stories is indexed already:
   * `addStories` would skip that story, so the caller appends the file's stories (`addStories`).
   */
  add(part: IndexPart): boolean {
    for (const d of part.docs) if (this.known.has(d.id)) return false;
    const remap = new Uint32Array(part.terms.length);
    for (let t = 0; t < part.terms.length; t++) {
      const term = part.terms[t]!;
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(term, id);
        this.terms.push(term);
      }
      remap[t] = id;
    }
    const { lengths, tokens, paraStarts } = part;
    let at = 0;
    let p = 0;
    part.docs.forEach((meta, i) => {
      const title = new Uint32Array(lengths[i * 3]!);
      const body = new Uint32Array(lengths[i * 3 + 1]!);
      for (let k = 0; k < title.length; k++) title[k] = remap[tokens[at++]!]!;
      for (let k = 0; k < body.length; k++) body[k] = remap[tokens[at++]!]!;
      const paras = lengths[i * 3 + 2]!;
      this.known.add(meta.id);
      // Copies, not views: the part's arrays may be views into a whole cache segment.
      this.docs.push({
        ...meta,
        titleTokens: title,
        bodyTokens: body,
        paraStarts: paraStarts.slice(p, (p += paras)),
      });
    });
    this.totalBodyTokens += part.totalBodyTokens;
    return true;
  }

  /**
   * Appends a file's stories as `addStories` does: those indexed already are skipped. Returns
   * the docs appended, for the caller to trim.
   */
  addStories(stories: readonly Story[]): IndexedDoc[] {
    const before = this.docs.length;
    const fresh = stories.filter((s) => !this.known.has(s.id));
    // The stories left are new (a repeat within them is skipped by buildSearchIndex as by
    // addStories), so the part appends.
    if (!this.add(partOf(buildSearchIndex(fresh)))) throw new Error('unreachable: known story');
    return this.docs.slice(before);
  }

  get size(): number {
    return this.docs.length;
  }

  /** The index, its postings derived from the docs' tokens (counted, then filled in place). */
  finish(): SearchIndex {
    const termCount = this.terms.length;
    const bodyCount = new Uint32Array(termCount);
    const titleCount = new Uint32Array(termCount);
    const lastBody = new Int32Array(termCount).fill(-1);
    const lastTitle = new Int32Array(termCount).fill(-1);
    this.docs.forEach((doc, d) => {
      const body = doc.bodyTokens;
      for (let k = 0; k < body.length; k++) {
        const t = body[k]!;
        if (lastBody[t] !== d) {
          lastBody[t] = d;
          bodyCount[t]!++;
        }
      }
      const title = doc.titleTokens;
      for (let k = 0; k < title.length; k++) {
        const t = title[k]!;
        if (lastTitle[t] !== d) {
          lastTitle[t] = d;
          titleCount[t]!++;
        }
      }
    });
    // Per term its body pairs [doc, tf, …] then its title docs, as index-pack.ts lays them out.
    const bodyStart = new Uint32Array(termCount + 1);
    const titleStart = new Uint32Array(termCount);
    let total = 0;
    for (let t = 0; t < termCount; t++) {
      bodyStart[t] = total;
      total += 2 * bodyCount[t]!;
      titleStart[t] = total;
      total += titleCount[t]!;
    }
    bodyStart[termCount] = total;
    const ints = new Uint32Array(total);
    const bodyAt = bodyStart.slice(0, termCount);
    const titleAt = titleStart.slice();
    /** Where the current doc's pair of each term is (valid while lastBody[t] is that doc). */
    const slot = new Uint32Array(termCount);
    lastBody.fill(-1);
    lastTitle.fill(-1);
    this.docs.forEach((doc, d) => {
      const body = doc.bodyTokens;
      for (let k = 0; k < body.length; k++) {
        const t = body[k]!;
        if (lastBody[t] === d) {
          ints[slot[t]! + 1]!++;
          continue;
        }
        lastBody[t] = d;
        const at = bodyAt[t]!;
        slot[t] = at;
        ints[at] = d;
        ints[at + 1] = 1;
        bodyAt[t] = at + 2;
      }
      const title = doc.titleTokens;
      for (let k = 0; k < title.length; k++) {
        const t = title[k]!;
        if (lastTitle[t] === d) continue;
        lastTitle[t] = d;
        ints[titleAt[t]!++] = d;
      }
    });
    return {
      version: 1,
      docs: this.docs,
      terms: this.terms,
      postings: [],
      titlePostings: [],
      packed: { ints, bodyStart, titleStart },
      totalBodyTokens: this.totalBodyTokens,
      entities: [],
    };
  }
}
