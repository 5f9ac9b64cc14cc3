/**
 * The engine's worker, one per scenario column: hosts an engine session (src/transport/
 * engine-session.ts). A run's amounts move to the page as transferred buffers, uncopied.
 */
import '../src/format/csp.ts';
import { expose, transfer } from 'comlink';
import { EngineSession, type RunOutput, type RunRequest } from '../src/transport/engine-session.ts';
import { transferables } from '../src/transport/packed.ts';
import type { Adjustment } from '../src/format/types.ts';
import type { PointInflationQuery } from '../src/engine/point-inflation.ts';

export type { RunOutput };

const session = new EngineSession();

const api = {
  run: (req: RunRequest): RunOutput => { const out = session.run(req); return out.ok ? transfer(out, transferables(out.packed)) : out; },
  fingerprint: (key: number) => session.fingerprint(key),
  detail: (key: number, index: number) => session.detail(key, index),
  explain: (key: number, index: number) => session.explain(key, index),
  whatIf: (key: number, index: number, pct: string) => session.whatIf(key, index, pct),
  pointInflation: (key: number, q: PointInflationQuery) => session.pointInflation(key, q),
  monitor: (key: number) => session.monitor(key),
  previewAdjustment: (key: number, adjustment: Adjustment) => session.previewAdjustment(key, adjustment),
};

export type EngineApi = typeof api;
expose(api);
