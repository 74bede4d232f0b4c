// The entry of the build's analysis threads (analysis-pool.ts). A worker thread runs plain
// JavaScript; tsx (a dev dependency, as Vite is) lets it import the TypeScript recognizer itself,
// so the build runs exactly the src/corpus code the browser's worker runs.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-thread.ts');
