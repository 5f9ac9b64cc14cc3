/** The brief worker: hosts "print all briefs" (src/engine/briefs.ts); the brief on screen asks its scenario's own worker. */
import '../src/format/csp.ts';
import { expose } from 'comlink';
import { briefs } from '../src/engine/briefs.ts';

const api = { briefs };

export type BriefApi = typeof api;
expose(api);
