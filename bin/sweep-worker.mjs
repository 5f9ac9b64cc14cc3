// Entry of a `gbsim sweep` worker thread (src/cli/sweep-pool.ts starts it): registers tsx in this
// thread, as bin/gbsim.mjs does for the main one (Node 20 workers do not inherit the parent's
// loader hooks), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/sweep-worker.ts');
