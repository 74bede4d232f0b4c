import { REFERENCE_DF, REFERENCE_DOCS } from './reference-df';

let table: Map<string, number> | null = null;

/** Reference documents using a folded term (0 for a term under the list's floor: rare). */
export function referenceDf(term: string): number {
  if (!table) {
    table = new Map();
    for (const group of REFERENCE_DF.split(';')) {
      const colon = group.indexOf(':');
      const count = Number(group.slice(0, colon));
      for (const w of group.slice(colon + 1).split(',')) table.set(w, count);
    }
  }
  return table.get(term) ?? 0;
}

/**
 * Idf over the folder and the reference news corpus together. A folder of fifteen stories
 * cannot say that "four", "fell" and "time" are common; the reference can. In a large folder
 * the folder's own counts weigh in as much as the reference's.
 */
export function blendedIdf(term: string, folderDf: number, folderDocs: number): number {
  return Math.log((folderDocs + REFERENCE_DOCS + 1) / (folderDf + referenceDf(term) + 0.5));
}
