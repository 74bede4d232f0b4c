import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection of this thread, now. The tables thread lets the folder's text go
 * just before the search chunks start beside it (a large folder), but V8 collects when the heap
 * nears its cap (2 GB there), so the text and the parse's garbage would stay resident beside the
 * chunks' peak. `--expose-gc` set at run time gives the next context a `gc` (the flag is read
 * when a context is made).
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}
