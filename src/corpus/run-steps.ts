/**
 * Runs a step generator to its end at once and returns its value. The folder-wide builds
 * (related index, thread vectors, tables, their decoding, search warm-up) yield between steps so
 * the worker can answer requests in its 12 ms slices; the build in Node and the tests want the
 * result in one call.
 */
export function runSteps<T>(steps: Generator<unknown, T, undefined>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
