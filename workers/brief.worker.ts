/** The brief worker: hosts the what-if and "print all briefs" (src/engine/whatif.ts, briefs.ts). */
import '../src/format/csp.ts';
import { expose } from 'comlink';
import { whatIf } from '../src/engine/whatif.ts';
import { briefs } from '../src/engine/briefs.ts';

const api = { whatIf, briefs };

export type BriefApi = typeof api;
expose(api);
