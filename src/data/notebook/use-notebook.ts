import { useSyncExternalStore } from 'react';
import { notebook, reading } from './notebook';
import type { NotebookSnapshot } from './notebook-store';
import type { ReadingRecord } from './reading-record';

/** The whole notebook, live (this tab's changes at once, other tabs' as they are saved). */
export function useNotebook(): NotebookSnapshot {
  return useSyncExternalStore(notebook.subscribe, notebook.getSnapshot, notebook.getSnapshot);
}

/** Reading state of every story, live. */
export function useReading(): ReadonlyMap<string, ReadingRecord> {
  return useSyncExternalStore(reading.subscribe, reading.getSnapshot, reading.getSnapshot);
}
