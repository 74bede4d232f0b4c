// The entry of the build's search-chunks thread (search-chunks.ts). As for the other threads, tsx
// lets a worker thread import the TypeScript of src/corpus, so the build runs the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./chunks-thread.ts');
