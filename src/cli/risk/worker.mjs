// Worker threads start without the TypeScript loader the command line runs under: register
// tsx here, then load the worker itself.
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
