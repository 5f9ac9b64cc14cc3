// Worker entry: registers tsx in this thread (Node 20 workers do not inherit a parent's
// loader hooks), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';
register();
await import('./sweep-worker.ts');
