import { corpusWorker } from '../worker/client';

// IMPORTANT: main.tsx imports this module first, so that it is evaluated before React and the
// app (~40-60 ms of module evaluation on BBC's warm reload, more on a loaded machine): the
// worker's script then loads and it starts reading the last visit's search index that much
// sooner, which is what a warm reload's first search waits for. query-client.ts starts it too
// (idempotent) for code that does not come through main.tsx (tests).
corpusWorker.start();
