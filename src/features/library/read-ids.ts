import { createContext, useContext } from 'react';

const NONE: ReadonlySet<string> = new Set();

/**
 * The stories already read, for the rows to show quieter. A context rather than props through the
 * virtualized list: rows are the only readers.
 */
export const ReadIdsContext = createContext<ReadonlySet<string>>(NONE);

export function useReadIds(): ReadonlySet<string> {
  return useContext(ReadIdsContext);
}
