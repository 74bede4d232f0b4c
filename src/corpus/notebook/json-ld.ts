import { readingFromJson, readingToJson } from './reading-export';
import {
  isHighlightColor,
  type ReadingEntry,
  type Annotation,
  type HighlightColor,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './types';

/**
 * The notebook as W3C Web Annotation JSON-LD: an AnnotationCollection whose first page holds
 * every annotation. Standard terms carry what they can (selectors, note as a TextualBody, colour
 * as a styleClass with its stylesheet, dates); the rest that a round trip needs (story id and
 * title, the file's content hash) are `dispatch:` terms of a context of our own.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld' as const;
/** Our terms' namespace: a URN, so exports never point at a host that may go away. */
export const DISPATCH_NS = 'urn:dispatch:' as const;
export const EXPORT_FORMAT = 1 as const;

const HIGHLIGHT_CSS: Record<HighlightColor, string> = {
  yellow: '#fde68a',
  green: '#bbf7d0',
  blue: '#bfdbfe',
  pink: '#fbcfe8',
};

/** One exported annotation (what `toJsonLd` writes; `fromJsonLd` reads more shapes). */
export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body?: { type: 'TextualBody'; value: string; format: 'text/markdown'; purpose: 'commenting' }[];
  stylesheet: { type: 'CssStylesheet'; value: string };
  target: {
    type: 'SpecificResource';
    source: string;
    styleClass: string;
    selector: [TextQuoteSelector, TextPositionSelector];
    'dispatch:storyId': string;
    'dispatch:storyTitle': string;
    'dispatch:contentHash': string;
  };
}

export interface WebAnnotationCollection {
  '@context': [typeof ANNO_CONTEXT, { dispatch: typeof DISPATCH_NS }];
  type: 'AnnotationCollection';
  label: string;
  total: number;
  'dispatch:format': typeof EXPORT_FORMAT;
  'dispatch:exported': string;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
  /** Reading state per story (see reading-export.ts); absent when there is none. */
  'dispatch:reading'?: ReadingEntry[];
}

export interface ExportOptions {
  /** Absolute URL of a story (the annotation's target source). */
  storyUrl: (storyId: string) => string;
  label: string;
  /** ISO instant of the export. */
  exported: string;
  /** Reading state to carry along. */
  reading?: readonly ReadingEntry[];
}

export function toJsonLd(
  annotations: readonly Annotation[],
  o: ExportOptions,
): WebAnnotationCollection {
  const items = [...annotations]
    .sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))
    .map((a) => toItem(a, o));
  return {
    '@context': [ANNO_CONTEXT, { dispatch: DISPATCH_NS }],
    type: 'AnnotationCollection',
    label: o.label,
    total: items.length,
    'dispatch:format': EXPORT_FORMAT,
    'dispatch:exported': o.exported,
    first: { type: 'AnnotationPage', startIndex: 0, items },
    ...(o.reading?.length ? { 'dispatch:reading': readingToJson(o.reading) } : {}),
  };
}

function toItem(a: Annotation, o: ExportOptions): WebAnnotation {
  const styleClass = `dispatch-${a.color}`;
  return {
    id: a.id,
    type: 'Annotation',
    motivation: a.note ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.modified,
    ...(a.note
      ? {
          body: [
            { type: 'TextualBody', value: a.note, format: 'text/markdown', purpose: 'commenting' },
          ],
        }
      : {}),
    stylesheet: {
      type: 'CssStylesheet',
      value: `.${styleClass} { background-color: ${HIGHLIGHT_CSS[a.color]} }`,
    },
    target: {
      type: 'SpecificResource',
      source: o.storyUrl(a.storyId),
      styleClass,
      selector: [a.quote, a.position],
      'dispatch:storyId': a.storyId,
      'dispatch:storyTitle': a.storyTitle,
      'dispatch:contentHash': a.sourceHash,
    },
  };
}

export interface ImportResult {
  annotations: Annotation[];
  /** Items that could not be read, with why (1-based, in file order). */
  skipped: { item: number; reason: string }[];
  /** Reading state carried by the document (ours only). */
  reading: ReadingEntry[];
}

export interface ImportOptions {
  /** For annotations without an id (written by other tools). */
  makeId: () => string;
  /** For annotations without dates. */
  now: string;
}

/**
 * Annotations of a JSON-LD document: our collection, any AnnotationCollection or AnnotationPage,
 * an array of annotations or a single one. Throws only when the document is no annotation data
 * at all; a bad item is skipped and reported.
 */
export function fromJsonLd(doc: unknown, o: ImportOptions): ImportResult {
  const items = itemsOf(doc);
  if (!items) throw new Error('This file holds no Web Annotation data.');
  const out: ImportResult = { annotations: [], skipped: [], reading: readingFromJson(doc) };
  items.forEach((item, i) => {
    const r = readItem(item, o);
    if (typeof r === 'string') out.skipped.push({ item: i + 1, reason: r });
    else out.annotations.push(r);
  });
  return out;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const hasType = (v: Json, t: string) =>
  v.type === t || (Array.isArray(v.type) && v.type.includes(t));

function itemsOf(doc: unknown): unknown[] | null {
  if (Array.isArray(doc)) return doc;
  if (!isObj(doc)) return null;
  if (hasType(doc, 'Annotation')) return [doc];
  if (Array.isArray(doc.items)) return doc.items;
  if (isObj(doc.first) && Array.isArray(doc.first.items)) return doc.first.items;
  return null;
}

function readItem(item: unknown, o: ImportOptions): Annotation | string {
  if (!isObj(item) || !hasType(item, 'Annotation')) return 'not an annotation';
  const target = Array.isArray(item.target) ? item.target[0] : item.target;
  if (!isObj(target)) return 'no target';
  const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]).filter(
    isObj,
  );
  const quote = readQuote(selectors.find((s) => hasType(s, 'TextQuoteSelector')));
  if (!quote) return 'no TextQuoteSelector';
  const storyId = str(target['dispatch:storyId']) ?? storyIdFromUrl(str(target.source));
  if (!storyId) return 'no story';
  const position = readPosition(selectors.find((s) => hasType(s, 'TextPositionSelector')));
  const color = str(target.styleClass)?.replace(/^dispatch-/u, '');
  const created = str(item.created) ?? o.now;
  return {
    id: str(item.id) ?? o.makeId(),
    storyId,
    storyTitle: str(target['dispatch:storyTitle']) ?? '',
    sourceHash: str(target['dispatch:contentHash']) ?? '',
    quote,
    // Without positions, the quote alone anchors (position 0 is only a tie-breaker).
    position: position ?? { type: 'TextPositionSelector', start: 0, end: 0 },
    color: isHighlightColor(color) ? color : 'yellow',
    note: readNote(item.body),
    created,
    modified: str(item.modified) ?? created,
  };
}

function readQuote(s: Json | undefined): TextQuoteSelector | null {
  const exact = s && str(s.exact);
  if (!s || !exact) return null;
  return {
    type: 'TextQuoteSelector',
    exact,
    prefix: str(s.prefix) ?? '',
    suffix: str(s.suffix) ?? '',
  };
}

function readPosition(s: Json | undefined): TextPositionSelector | null {
  if (!s) return null;
  const { start, end } = s;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  if ((start as number) < 0 || (end as number) < (start as number)) return null;
  return { type: 'TextPositionSelector', start: start as number, end: end as number };
}

function readNote(body: unknown): string {
  const bodies = Array.isArray(body) ? body : body === undefined ? [] : [body];
  const notes = bodies
    .filter(isObj)
    .filter((b) => b.purpose === undefined || b.purpose === 'commenting')
    .map((b) => str(b.value))
    .filter((v): v is string => v !== undefined);
  return notes.join('\n\n');
}

/** `…/story/<segments>` → the story id (segments decoded one by one, as the app builds them). */
function storyIdFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const at = path.indexOf('/story/');
  if (at < 0) return undefined;
  try {
    return path
      .slice(at + '/story/'.length)
      .replace(/\/+$/u, '')
      .split('/')
      .map(decodeURIComponent)
      .join('/');
  } catch {
    return undefined;
  }
}
