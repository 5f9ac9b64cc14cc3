/**
 * `npm run bench`: median timings, one figure per line as `bench: <name> <value> <unit>`.
 * Engine figures in Node on synthetic cities of 3,000 and 100,000 institutions (warm: the
 * first runs are discarded); browser figures (main-thread long tasks, recompute latency) in
 * Debian's Chromium when bench/browser.ts and /usr/bin/chromium are available, then the
 * durability count (bench/durable.ts: lost edits over 60 closed pages and killed browsers).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { synthCity, synthPointsCity } from './synth.ts';
import { printFigure } from './print.ts';
import { compile } from '../src/engine/compile.ts';
import { settle, toResult } from '../src/engine/run.ts';
import { validateScenario } from '../src/scenario/open.ts';
import { benchYears } from './years.ts';
import { casesBench } from './cases.ts';
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
function engine(n: number, runs: number, warmup: number, peerRuns: number): number {
  const doc = JSON.parse(JSON.stringify(synthCity(n, 42)));
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(`synthetic city invalid: ${v.issues[0]?.path} ${v.issues[0]?.message}`);
  const model = compile(v.scenario);
  const settleMs = time(runs, warmup, () => settle(model));
  printFigure(`settle-${n}`, settleMs, 'ms');
  printFigure(`compile-${n}`, time(runs, warmup, () => compile(v.scenario)), 'ms');
  const both = time(runs, warmup, () => settle(compile(v.scenario)));
  printFigure(`compile-plus-settle-${n}`, both, 'ms');
  printPeer(n, both, peerRuns);
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

const s3k = engine(3000, 21, 5, 11);
pointsEngine(3000, 21, 5);
const s100k = engine(100_000, 5, 2, 3);
// Linear settle: time ∝ N^e with e near 1 (the goal; it was 1.28).
printFigure('settle-exponent-3000-to-100000', Math.log(s100k / s3k) / Math.log(100_000 / 3000), '');
(await import('./cli.ts')).cliBench();
await benchYears();
await casesBench();

// The browser figures come from a fresh process: this one now holds the 100,000-institution
// runs, and its garbage collector would compete with Chromium for the machine's cores.
if (existsSync(new URL('./browser.ts', import.meta.url)) && existsSync('/usr/bin/chromium')) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./browser-only.ts', import.meta.url))], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
} else {
  console.log('bench: browser figures skipped (bench/browser.ts or /usr/bin/chromium missing)');
}

await (await import('./risk.ts')).riskBench();
