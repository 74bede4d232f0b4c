// The entry of the build's tables thread (build-tables.ts). As for the analysis threads, tsx lets
// a worker thread import the TypeScript of src/corpus, so the build runs the worker's own code.
import { register } from 'tsx/esm/api';

register();
await import('./tables-thread.ts');
