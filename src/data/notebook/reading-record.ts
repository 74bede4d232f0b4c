import type { ReadingEntry } from '../../corpus/notebook/types';

/** Where a reader is with one story: kept per story, in the notebook's database. */
export type ReadingRecord = ReadingEntry;
