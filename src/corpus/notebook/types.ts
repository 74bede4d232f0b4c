/**
 * The notebook's domain: highlights with notes, described in the W3C Web Annotation model's terms
 * (https://www.w3.org/TR/annotation-model/) so that they survive edits of the text and leave the
 * app as standard JSON-LD. Plain data only: records go to IndexedDB and across tabs as they are.
 */

/** The four highlight colours, in the order the toolbar offers them (keys 1–4). */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export function isHighlightColor(v: unknown): v is HighlightColor {
  return (HIGHLIGHT_COLORS as readonly unknown[]).includes(v);
}

/** The quoted text with up to CONTEXT_CHARS characters of context on each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** UTF-16 offsets into the story's text (`storyText`), end exclusive. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** One highlight (with its note, possibly empty), as stored and as exported. */
export interface Annotation {
  /** `urn:uuid:…`: kept by export and import, so a notebook merges into itself without copies. */
  id: string;
  storyId: string;
  /** The story's title when the highlight was made: orphans and exports still have a name. */
  storyTitle: string;
  /** Content hash of the story's file when the selectors were taken. */
  sourceHash: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: HighlightColor;
  /** Markdown as typed; shown as text, never as HTML. */
  note: string;
  /** ISO 8601 instants. */
  created: string;
  modified: string;
}

/** Where a reader is with one story: stored per story, exported beside the highlights. */
export interface ReadingEntry {
  storyId: string;
  /** The story's end was seen (or `m` said so). */
  read: boolean;
  /** 1-based paragraph at the top of the view when the reader last stopped (0: the top). */
  paragraph: number;
  /** How far through the text, 0…1, for the library's "Continue reading" row. */
  progress: number;
  /** ISO instant of the last change: on import, the newer record of a story wins. */
  updated: string;
  /**
   * The story's row in an archive's listing, kept when the story is opened there (its side
   * group has it), with the listing it is a row of (`listingKey`): the archive's unread filter
   * is the complement of the read rows. Absent in marks made before (or outside an archive);
   * optional, so stored records need no migration. Not exported: rows are one build's.
   */
  place?: { listing: string; row: number };
}

/** Where a highlight sits in the current text of its story, and how it got there. */
export type Anchor =
  | { status: 'exact' | 'fuzzy'; start: number; end: number }
  | { status: 'orphan'; reason: 'story-missing' | 'text-changed' };

/** A highlight placed (or not) in the current text. */
export interface AnchoredAnnotation {
  annotation: Annotation;
  anchor: Anchor;
}
