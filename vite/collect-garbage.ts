import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection of this thread, now. On a large folder the search chunks start
 * beside the tables once the tables thread's heavy part is over, and then every thread's
 * leftovers count: V8 collects the tables thread when its heap nears its cap (2 GB), and the
 * build's main thread, idle, not at all. `--expose-gc` set at run time gives the next context a
 * `gc` (the flag is read when a context is made).
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}
