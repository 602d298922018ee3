// For the TypeScript sources run through tsx (tests, bench; the CLI runs dist/ and starts
// worker.js directly): a worker thread does not inherit the main thread's loader hooks, so it
// registers tsx itself before loading the worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
