/**
 * Browser figures for `npm run bench`, in Debian's Chromium: build and serve the app, open a
 * 3,000-institution workspace with 3 scenarios (baseline + 2 variants) on the comparison view,
 * make 60 edits of a baseline parameter (each changes all three scenarios), and measure
 *  (a) the longest main-thread task while editing (PerformanceObserver 'longtask'; 0 = none ≥ 50 ms),
 *  (b) the recompute latency from an edit to all three results shown (p50 and p95 over the edits,
 *      the first edit included; the first edit's own figure is printed too).
 * Then 20 edits of institutions' data (each compiles the edited institutions again), and 30 policy
 * edits on the results view, where the scenario shown appears as soon as it is computed and
 * the compared ones are recomputed behind it.
 * BENCH_VERBOSE=1 prints every edit's latency, slowest worker run and page part.
 */
import { buildApp, serve } from '../e2e/serve.ts';
import { launch, settled } from '../e2e/harness.ts';
import { synthCity } from './synth.ts';
import { addVariant, newWorkspace, setVariantChanges } from '../src/workspace/workspace.ts';
import { saveWorkspace } from '../src/workspace/file.ts';

export interface BenchFigure { name: string; value: number; unit: string }

const N = 3000;
const EDITS = 60;
const INSTITUTION_EDITS = 20;
const RESULTS_EDITS = 30;

function workspaceText(): string {
  let ws = newWorkspace(synthCity(N, 42));
  const a = addVariant(ws, '保证金 8%');
  ws = setVariantChanges(a.ws, a.id, [{ op: 'set', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' }]);
  const b = addVariant(ws, '结余留用 60%');
  ws = setVariantChanges(b.ws, b.id, [{ op: 'set', path: ['policy', 'surplus', 'tiers', 0, 'share'], value: '0.6' }]);
  return saveWorkspace(ws);
}

/** Runs in the page: edits dispatched as the app's own edit actions, timed until all columns are fresh and a frame is drawn. */
const EDIT_LOOP = `async (edits, kind, wait) => {
  const w = globalThis;
  const ctl = w.__gb.ctl;
  const app = document.querySelector('gb-app');
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const allShown = () => new Promise((resolve) => {
    const check = () => {
      const s = ctl.state;
      // On the comparison every column is shown; on a scenario's own view, only it is.
      const refs = wait === 'all' ? [...new Set([s.active, ...s.compare])] : [s.active];
      if (refs.every((k) => s.cols[k] && !s.cols[k].stale)) { ctl.removeEventListener('change', check); resolve(); }
    };
    ctl.addEventListener('change', check);
    check();
  });
  const t0 = performance.now();
  const latencies = [];
  const renders = [];
  const runs = [];
  for (let i = 0; i < edits; i++) {
    // A policy figure, or one institution's history (which changes every allocation weight).
    const detail = kind === 'policy'
      ? { type: 'edit', path: ['fund', 'adjustmentFundRate'], value: '0.0' + String(300 + i + 1) }
      : { type: 'edit', path: ['hospitals', i % 50, 'history', 2], value: String(1000000 + i) + '.00' };
    const start = performance.now();
    app.dispatchEvent(new CustomEvent('gb-action', { detail }));
    await new Promise((r) => setTimeout(r, 0));
    await allShown();
    const shown = performance.now();
    await frame();
    const end = performance.now();
    latencies.push(end - start);
    renders.push(end - shown);
    { const s = ctl.state; runs.push(Math.max(...(wait === 'all' ? [...new Set([s.active, ...s.compare])] : [s.active]).map((k) => s.cols[k].ms))); }
  }
  await w.__gb.flush();
  await frame();
  const t1 = performance.now();
  const tasks = w.__longtasks.filter((e) => e.start + e.duration >= t0 && e.start <= t1);
  const refs = [...new Set([ctl.state.active, ...ctl.state.compare])];
  const workerMs = refs.map((k) => ctl.state.cols[k].ms);
  const phases = refs.map((k) => ctl.state.cols[k].out.phases);
  return { latencies, renders, runs, longest: tasks.reduce((m, e) => Math.max(m, e.duration), 0), count: tasks.length, workerMs, phases };
}`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export async function browserBench(): Promise<BenchFigure[]> {
  await buildApp();
  const server = await serve();
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: `globalThis.__longtasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) globalThis.__longtasks.push({ start: e.startTime, duration: e.duration }); })
        .observe({ type: 'longtask', buffered: true });` });
    const page = await context.newPage();
    await page.goto(server.url);
    await settled(page, 120_000);
    await page.getByTestId('open-file').setInputFiles({ name: 'bench.gbsim.json', mimeType: 'application/json', buffer: Buffer.from(workspaceText()) });
    await page.waitForFunction((n) => {
      const s = (globalThis as any).__gb?.ctl.state;
      return s && s.ws.baseline.hospitals.length === n && s.compare.length === 3;
    }, N, { timeout: 180_000, polling: 100 });
    await settled(page, 300_000);
    await page.locator('[data-tab="compare"]').click();
    await settled(page, 300_000);
    await page.waitForTimeout(500);

    // Passed as source text: runners that rewrite functions (tsx adds __name helpers) cannot break it.
    type Loop = { latencies: number[]; renders: number[]; runs: number[]; longest: number; count: number; workerMs: number[]; phases: Record<string, number>[] };
    const result = (await page.evaluate(`(${EDIT_LOOP})(${EDITS}, 'policy', 'all')`)) as Loop;
    // Then edits of institutions' data: every worker compiles its institutions afresh.
    const inst = (await page.evaluate(`(${EDIT_LOOP})(${INSTITUTION_EDITS}, 'institution', 'all')`)) as Loop;
    // The results view: its scenario shown as soon as it is computed, the compared ones behind it.
    await page.locator('[data-tab="results"]').click();
    await settled(page, 300_000);
    const own = (await page.evaluate(`(${EDIT_LOOP})(${RESULTS_EDITS}, 'policy', 'active')`)) as Loop;

    await context.close();
    if (process.env.BENCH_VERBOSE) {
      for (const r of [result, inst, own]) console.log(r.latencies.map((l, i) => `${l.toFixed(0)}(${r.runs[i]!.toFixed(0)}+${r.renders[i]!.toFixed(0)})`).join(' '));
    }
    return [
      { name: `browser-longest-main-task-${N}x3`, value: result.longest, unit: 'ms' },
      { name: `browser-long-tasks-${N}x3-${EDITS}-edits`, value: result.count, unit: 'count' },
      { name: `browser-recompute-p50-${N}x3`, value: pct(result.latencies, 50), unit: 'ms' },
      { name: `browser-recompute-p95-${N}x3`, value: pct(result.latencies, 95), unit: 'ms' },
      { name: `browser-recompute-first-edit-${N}x3`, value: result.latencies[0]!, unit: 'ms' },
      { name: `browser-recompute-institution-edit-p50-${N}x3`, value: pct(inst.latencies, 50), unit: 'ms' },
      { name: `browser-recompute-institution-edit-p95-${N}x3`, value: pct(inst.latencies, 95), unit: 'ms' },
      { name: `browser-longest-main-task-institution-edits-${N}x3`, value: inst.longest, unit: 'ms' },
      { name: `browser-recompute-results-view-p50-${N}x3`, value: pct(own.latencies, 50), unit: 'ms' },
      { name: `browser-recompute-results-view-p95-${N}x3`, value: pct(own.latencies, 95), unit: 'ms' },
      { name: `browser-longest-main-task-results-view-${N}x3`, value: own.longest, unit: 'ms' },
      // Where the latency goes (medians over the edits): the slowest column's run in its worker, and
      // the page's part after the last result arrived (showing it and drawing a frame).
      { name: `browser-worker-run-p50-${N}x3`, value: pct(result.runs, 50), unit: 'ms' },
      { name: `browser-main-render-p50-${N}x3`, value: pct(result.renders, 50), unit: 'ms' },
      { name: `browser-worker-run-${N}`, value: Math.max(...result.workerMs), unit: 'ms' },
      // Where a worker's run goes (the slowest column of the last edit): compile, settle, pack.
      ...(['compile', 'settle', 'pack'] as const).map((ph) => ({ name: `browser-worker-${ph}-${N}`, value: Math.max(...result.phases.map((p) => p[ph] ?? 0)), unit: 'ms' })),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
