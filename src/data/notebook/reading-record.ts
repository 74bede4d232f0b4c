/** Where a reader is with one story: kept per story, in the notebook's database. */
export interface ReadingRecord {
  storyId: string;
  /** The story's end was seen (or `m` said so). */
  read: boolean;
  /** 1-based paragraph at the top of the view when the reader last stopped (0: the top). */
  paragraph: number;
  /** How far through the text, 0…1, for the library's "Continue reading" row. */
  progress: number;
  /** ISO instant of the last change. */
  updated: string;
}
