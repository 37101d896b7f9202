// The export worker run from the TypeScript sources (off-thread.ts): a worker thread does not
// inherit the main thread's tsx loader, so it registers tsx itself before loading worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
