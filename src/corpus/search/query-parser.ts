import { CJK, tokenize } from '../normalize';
import type { ParsedQuery, QueryFilter } from './types';

/** Beyond this many characters a paste is cut: nobody types it, and every keystroke stays cheap. */
export const MAX_QUERY_CHARS = 512;
/** Beyond this many words the rest is ignored (and `truncated` set). */
export const MAX_QUERY_TERMS = 24;
/** Longer tokens are cut; no word of the corpus is that long. */
export const MAX_TERM_CHARS = 64;

const FILTER_KEYS: Record<string, QueryFilter['field']> = {
  person: 'person',
  people: 'person',
  place: 'place',
  org: 'organization',
  organization: 'organization',
  organisation: 'organization',
  section: 'section',
};

// Straight and typographic double quotes all open or close a phrase.
const QUOTE = /["“”„«»]/u;

interface Item {
  text: string;
  quoted: boolean;
  closed: boolean;
  negated: boolean;
  key: QueryFilter['field'] | null;
}

/**
 * Parses what the reader typed: words (AND), `"phrases"`, `-excluded` words or phrases, and
 * `person:` / `place:` / `org:` / `section:` filters whose values may be quoted. The last word is
 * a prefix while it is being typed (no trailing space). Runs of CJK characters become phrases,
 * since CJK text has no spaces between words. Never throws, whatever the input.
 */
export function parseQuery(input: string): ParsedQuery {
  const raw = typeof input === 'string' ? input : '';
  let truncated = raw.length > MAX_QUERY_CHARS;
  const text = truncated ? raw.slice(0, MAX_QUERY_CHARS) : raw;
  const items = scan(text);
  const terms: string[] = [];
  const phrases: string[][] = [];
  const excludes: string[][] = [];
  const filters: QueryFilter[] = [];
  let lastIsWord = false;

  for (const item of items) {
    lastIsWord = false;
    const groups = tokenGroups(item.text);
    const flat = groups.flat();
    if (flat.length === 0) continue;
    if (item.key) {
      filters.push({ field: item.key, value: item.text.trim(), terms: flat });
    } else if (item.negated) {
      excludes.push(flat);
    } else if (item.quoted && item.closed) {
      phrases.push(flat);
    } else {
      for (const g of groups) {
        if (g.length > 1) phrases.push(g);
        else if (g[0] !== undefined && !terms.includes(g[0])) {
          if (terms.length >= MAX_QUERY_TERMS) truncated = true;
          else terms.push(g[0]);
        }
      }
      // Only a plain word that ends the input is still being typed.
      const last = groups[groups.length - 1];
      lastIsWord = !item.quoted && last !== undefined && last.length === 1;
    }
  }
  const lastTerm = terms[terms.length - 1];
  const prefix =
    lastIsWord &&
    lastTerm !== undefined &&
    !/\s$/u.test(text) &&
    !CJK.test(lastTerm) &&
    tokenize(text.slice(-MAX_TERM_CHARS)).at(-1)?.term === lastTerm;
  return { raw, terms, prefix, phrases, excludes, filters, truncated };
}

/**
 * Tokens of a piece of query text, grouped so that a run of adjacent CJK characters stays
 * together (it becomes a phrase) while other words are single-token groups.
 */
function tokenGroups(text: string): string[][] {
  const groups: string[][] = [];
  let prevEnd = -1;
  let prevCjk = false;
  for (const t of tokenize(text)) {
    const term = t.term.length > MAX_TERM_CHARS ? t.term.slice(0, MAX_TERM_CHARS) : t.term;
    const cjk = CJK.test(term);
    const tail = groups[groups.length - 1];
    if (cjk && prevCjk && t.start === prevEnd && tail) tail.push(term);
    else groups.push([term]);
    prevEnd = t.end;
    prevCjk = cjk;
  }
  return groups;
}

/** Splits the input into items: bare words, quoted runs, negations and `key:value` filters. */
function scan(text: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/u.test(text[i]!)) i++;
    if (i >= n) break;
    let negated = false;
    let key: QueryFilter['field'] | null = null;
    if (text[i] === '-' || text[i] === '−') {
      negated = true;
      i++;
    }
    // `key:` followed by a value (possibly quoted) is a filter when the key is known.
    const m = /^([A-Za-z]+):/u.exec(text.slice(i, i + 16));
    if (m && FILTER_KEYS[m[1]!.toLowerCase()]) {
      key = FILTER_KEYS[m[1]!.toLowerCase()]!;
      i += m[0].length;
    }
    if (i < n && QUOTE.test(text[i]!)) {
      const close = findQuote(text, i + 1);
      const end = close < 0 ? n : close;
      items.push({ text: text.slice(i + 1, end), quoted: true, closed: close >= 0, negated, key });
      i = close < 0 ? n : close + 1;
      continue;
    }
    let j = i;
    while (j < n && !/\s/u.test(text[j]!) && !(j > i && QUOTE.test(text[j]!))) j++;
    items.push({ text: text.slice(i, j), quoted: false, closed: false, negated, key });
    i = j;
  }
  return items;
}

function findQuote(text: string, from: number): number {
  for (let k = from; k < text.length; k++) if (QUOTE.test(text[k]!)) return k;
  return -1;
}
