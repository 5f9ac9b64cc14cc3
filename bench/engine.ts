/**
 * The engine's figures for `npm run bench` (called from bench/run.ts): compile and settle on
 * synthetic cities of 3,000 and 100,000 institutions, medians of warm runs (the first discarded).
 *
 *   npx tsx bench/engine.ts             # these figures alone, with the Python peer's
 *   npx tsx bench/engine.ts --no-peer   # without the peer
 *   npx tsx bench/engine.ts --no-peer --core   # compile and settle only (for before/after)
 */
import { fileURLToPath } from 'node:url';
import { synthCity, synthPointsCity } from './synth.ts';
import { printFigure } from './print.ts';
import { compile } from '../src/engine/compile.ts';
import { settle, toResult } from '../src/engine/run.ts';
import { validateScenario } from '../src/scenario/open.ts';
import { printPeer } from './peer.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(runs: number, warmup: number, f: () => void): number {
  for (let i = 0; i < warmup; i++) f();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

/** The engine's figures at n institutions; returns the median settle time (ms). */
function engine(n: number, runs: number, warmup: number, peerRuns: number, core: boolean): number {
  const doc = JSON.parse(JSON.stringify(synthCity(n, 42)));
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(`synthetic city invalid: ${v.issues[0]?.path} ${v.issues[0]?.message}`);
  const model = compile(v.scenario);
  const settleMs = time(runs, warmup, () => settle(model));
  printFigure(`settle-${n}`, settleMs, 'ms');
  printFigure(`compile-${n}`, time(runs, warmup, () => compile(v.scenario)), 'ms');
  const both = time(runs, warmup, () => settle(compile(v.scenario)));
  printFigure(`compile-plus-settle-${n}`, both, 'ms');
  if (peerRuns > 0) printPeer(n, both, peerRuns);
  if (core) return settleMs;
  printFigure(`run-to-result-${n}`, time(runs, warmup, () => toResult(model, settle(compile(v.scenario)))), 'ms');
  printFigure(`validate-${n}`, time(Math.max(3, runs >> 1), 1, () => validateScenario(doc)), 'ms');
  return settleMs;
}

/** A city whose hospital pool is settled by points (DESIGN §7): settle time (target ≤ 20 ms at 3,000). */
function pointsEngine(n: number, runs: number, warmup: number): void {
  const v = validateScenario(JSON.parse(JSON.stringify(synthPointsCity(n, 42))));
  if (!v.ok) throw new Error(`synthetic points city invalid: ${v.issues[0]?.path} ${v.issues[0]?.message}`);
  const model = compile(v.scenario);
  printFigure(`settle-points-${n}`, time(runs, warmup, () => settle(model)), 'ms');
  printFigure(`compile-plus-settle-points-${n}`, time(runs, warmup, () => settle(compile(v.scenario))), 'ms');
}

/**
 * All engine figures; `peer: false` leaves out the Python peer, `core: true` everything but
 * compile and settle (no result, no validation, no points city).
 */
export function engineBench(opts: { peer?: boolean; core?: boolean } = {}): void {
  const peer = opts.peer !== false;
  const core = opts.core === true;
  const s3k = engine(3000, 21, 5, peer ? 11 : 0, core);
  if (!core) pointsEngine(3000, 21, 5);
  const s100k = engine(100_000, 5, 2, peer ? 3 : 0, core);
  // Linear settle: time ∝ N^e with e near 1 (the goal; it was 1.28).
  printFigure('settle-exponent-3000-to-100000', Math.log(s100k / s3k) / Math.log(100_000 / 3000), '');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  engineBench({ peer: !process.argv.includes('--no-peer'), core: process.argv.includes('--core') });
}
