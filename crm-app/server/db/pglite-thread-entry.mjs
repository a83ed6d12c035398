// The PGlite worker thread's entry. Node 20 does not pass the server's TypeScript loader on to worker threads, so
// the thread registers it itself before loading its TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-thread.ts');
