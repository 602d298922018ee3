// The sources are TypeScript run through tsx; a worker thread does not inherit the main thread's
// loader hooks, so it registers tsx itself before loading the worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
