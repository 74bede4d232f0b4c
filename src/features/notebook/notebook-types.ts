import type { Anchor, Annotation } from '../../corpus/notebook/types';

/** An annotation on the notebook page: placed, orphaned, or not known yet (its file is loading). */
export interface NotebookItem {
  annotation: Annotation;
  anchor: Anchor | null;
  /** 1-based paragraph the highlight starts in, when placed. */
  paragraph: number | null;
  /** 0-based paragraphs the highlight covers (for the entity filter), when placed. */
  paragraphs: number[];
}

export interface EntityOption {
  id: string;
  name: string;
}
