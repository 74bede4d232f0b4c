/**
 * Work that goes before the engine's background slices: the folder's parse while a load runs.
 * Parsing in the worker shared its one thread with the slices (indexing, names, tables) and got
 * about a third of it (8 ms of parse, then a 12 ms slice, then 8 ms…): a cold BBC visit read ~700
 * of its 2,225 files in the first 1.1 s after the first pack arrived (ARCHITECTURE.md, "Views
 * read rows"). While a hold is taken, the pump parks its slices; requests (a search, the opened
 * story's entities) still go between parse slices, which yield to the event loop.
 */
let holds = 0;
const waiters: (() => void)[] = [];

/** Parks the background slices until the returned release is called (idempotent). */
export function holdBackground(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds--;
    if (holds === 0) waiters.splice(0).forEach((w) => w());
  };
}

/** The gate the engine's pump reads (slice-pump.ts). */
export const foreground = {
  held: (): boolean => holds > 0,
  whenFree: (): Promise<void> =>
    holds === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)),
};
