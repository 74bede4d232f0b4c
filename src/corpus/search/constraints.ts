import { boundedEditDistance } from './edit-distance';
import { resolveEntityFilter } from './entities';
import { phraseDocs, phraseScore, termDocs } from './ranking';
import { termIdOf } from './search-index';
import type { ParsedQuery, SearchIndex } from './types';
import { foldText } from '../normalize';

/** What a query's hard parts (filters, phrases, exclusions) allow. */
export interface Constraints {
  /** Docs allowed by every filter and phrase; null when the query has neither. */
  allowed: Set<number> | null;
  excluded: Set<number>;
  /** Extra score of docs containing the query's phrases. */
  phraseBonus: Map<number, number>;
  notes: string[];
}

/**
 * Resolves filters (entity filters through the attached entities, or as text when there are
 * none or none matches), phrases and exclusions to sets of docs.
 */
export function applyConstraints(index: SearchIndex, q: ParsedQuery): Constraints {
  const c: Constraints = { allowed: null, excluded: new Set(), phraseBonus: new Map(), notes: [] };
  const restrict = (docs: Set<number>): void => {
    const prev = c.allowed;
    c.allowed = prev ? new Set([...docs].filter((d) => prev.has(d))) : docs;
  };
  const ids = (terms: readonly string[]) => terms.map((t) => termIdOf(index, t));
  for (const f of q.filters) {
    if (f.field === 'section') {
      restrict(sectionDocs(index, f.terms));
      continue;
    }
    const docs = resolveEntityFilter(index, f);
    if (docs) {
      restrict(docs);
      continue;
    }
    const key = f.field === 'organization' ? 'org' : f.field;
    c.notes.push(
      index.entities.length === 0
        ? `no entity data yet: ${key}: matched as text`
        : `no ${f.field} named "${f.value}": ${key}: matched as text`,
    );
    restrict(phraseDocs(index, ids(f.terms)));
  }
  for (const p of q.phrases) {
    const pid = ids(p);
    const docs = phraseDocs(index, pid);
    restrict(docs);
    const bonus = phraseScore(
      index,
      pid.filter((id): id is number => id !== undefined),
    );
    for (const d of docs) c.phraseBonus.set(d, (c.phraseBonus.get(d) ?? 0) + bonus);
  }
  for (const x of q.excludes) {
    const xid = ids(x);
    if (xid.length === 1) {
      if (xid[0] !== undefined) termDocs(index, xid[0], c.excluded);
    } else for (const d of phraseDocs(index, xid)) c.excluded.add(d);
  }
  return c;
}

/** Stories whose section matches the filter value: exactly, as a prefix, or within one typo. */
function sectionDocs(index: SearchIndex, terms: readonly string[]): Set<number> {
  const out = new Set<number>();
  index.docs.forEach((d, i) => {
    if (sectionMatches(d.section, terms)) out.add(i);
  });
  return out;
}

/** Whether a story's section answers a `section:` filter's terms (shared with chunks/). */
export function sectionMatches(section: string | null, terms: readonly string[]): boolean {
  const value = terms.join(' ');
  const s = section === null ? '' : foldText(section);
  return s !== '' && (s.startsWith(value) || boundedEditDistance(s, value, 1) <= 1);
}
