import type { NotebookDb } from './notebook-db';
import { createNotebookStore } from './notebook-store';
import { createReadingStore, localJournal } from './reading-store';

/**
 * The app's notebook. One database per deployed folder: the build's base path is in its name,
 * so two folders served from one origin (`/reader/` and `/archive/`) never share a notebook.
 */
export const NOTEBOOK_DB = notebookDbName(import.meta.env.BASE_URL);

/** The database of the folder deployed at `base` (`/`, `/reader/`). */
export function notebookDbName(base: string): string {
  return `dispatch-notebook:${base}`;
}

let connection: Promise<NotebookDb> | null = null;
// Dexie loads with the first page that reads the notebook, not with the app's entry; both stores
// share one connection.
const connect = () =>
  (connection ??= import('./notebook-db').then((m) => m.openNotebookDb(NOTEBOOK_DB)));

export const reading = createReadingStore({ connect, journal: localJournal });

export const notebook = createNotebookStore({
  connect,
  persist: async () => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persist) return null;
    return (await storage.persisted()) || storage.persist();
  },
});
