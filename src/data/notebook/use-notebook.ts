import { useSyncExternalStore } from 'react';
import { notebook } from './notebook';
import type { NotebookSnapshot } from './notebook-store';

/** The whole notebook, live (this tab's changes at once, other tabs' as they are saved). */
export function useNotebook(): NotebookSnapshot {
  return useSyncExternalStore(notebook.subscribe, notebook.getSnapshot, notebook.getSnapshot);
}
