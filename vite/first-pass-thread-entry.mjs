// The entry of the tables step's second thread (first-pass-thread.ts), through tsx as the other
// build threads, so it runs the src/corpus first pass the browser's worker runs.
import { register } from 'tsx/esm/api';

register();
await import('./first-pass-thread.ts');
