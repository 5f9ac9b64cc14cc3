// A worker thread of `gbsim risk` (src/cli/risk/runner.ts starts it): threads start without the
// TypeScript loader the command line runs under, so register tsx here, then load the worker.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/risk/worker.ts');
