/**
 * Browser figures for `npm run bench`, in Debian's Chromium: build and serve the app, open a
 * 3,000-institution workspace with 3 scenarios (baseline + 2 variants), and on every view —
 * results, comparison, institution, data — make 60 edits and measure
 *  (a) the recompute latency from an edit to what the view shows being fresh and a frame drawn
 *      (p50 and p95 over the edits, the first included),
 *  (b) the longest main-thread task while editing (PerformanceObserver 'longtask'; 0 = none ≥ 50 ms).
 * Each view is measured quiet and again with one core kept busy by a spinning child process the
 * bench starts and stops itself ("-loaded"), so the figure says what a busy PC sees whoever else
 * uses this machine. Edits: a fund parameter (every scenario recomputes) on the results,
 * comparison and institution views; an institution's history on the data view (its cell edit).
 * Beside these wall-clock figures, the main thread's own CPU time (Chromium's trace: each task's
 * thread time) per edit and of its longest task: what the page's work costs whatever else
 * runs on the machine — the wall-clock figures stretch with the load, these do not.
 * BENCH_VERBOSE=1 prints every edit's latency, slowest worker run and page part.
 * BENCH_VIEWS=results,data limits the views measured; BENCH_LOAD=quiet (or loaded) measures one way only;
 * BENCH_EDITS=20 fewer edits; BENCH_TRACE=dir keeps each view's trace (chrome://tracing, Perfetto); BENCH_PROFILE=dir builds
 * the app unminified, keeps each view's CPU profile (.cpuprofile, DevTools) and prints its main thread's self time by function.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, serve } from '../e2e/serve.ts';
import { launch, settled } from '../e2e/harness.ts';
import { synthCity } from './synth.ts';
import { addVariant, newWorkspace, setVariantChanges } from '../src/workspace/workspace.ts';
import { saveWorkspace } from '../src/workspace/file.ts';
import type { CDPSession, Page } from 'playwright-core';

export interface BenchFigure { name: string; value: number; unit: string }

const N = 3000;
const EDITS = Number(process.env.BENCH_EDITS ?? 60);
// The planning and monitoring tabs (issues 12, 13): an edit's results fresh and a frame of the tab drawn (their own runs start on a button or after a pause).
const VIEWS = ['results', 'compare', 'hospital', 'data', 'years', 'sweeps', 'risk', 'monitor'] as const;
type View = (typeof VIEWS)[number];

function workspaceText(): string {
  let ws = newWorkspace(synthCity(N, 42));
  const a = addVariant(ws, '保证金 8%');
  ws = setVariantChanges(a.ws, a.id, [{ op: 'set', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' }]);
  const b = addVariant(ws, '结余留用 60%');
  ws = setVariantChanges(b.ws, b.id, [{ op: 'set', path: ['policy', 'surplus', 'tiers', 0, 'share'], value: '0.6' }]);
  return saveWorkspace(ws);
}

/**
 * Runs in the page: edits dispatched as the app's own edit actions, each timed until what the
 * view shows is fresh (its scenarios' results; on the institution view also the brief of the
 * institution looked at) and a frame is drawn.
 */
const EDIT_LOOP = `async (edits, kind, wait, offset) => {
  const w = globalThis;
  const ctl = w.__gb.ctl;
  const app = document.querySelector('gb-app');
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const fresh = () => {
    const s = ctl.state;
    const refs = wait === 'active' ? [s.active] : [...new Set([s.active, ...s.compare])];
    if (!refs.every((k) => s.cols[k] && !s.cols[k].stale)) return false;
    if (wait !== 'brief') return true;
    const out = s.cols[s.active].out;
    return !!s.brief && s.brief.key === out.key && s.brief.explanation !== null;
  };
  const shownAll = () => new Promise((resolve) => {
    const check = () => { if (fresh()) { ctl.removeEventListener('change', check); resolve(); } };
    ctl.addEventListener('change', check);
    check();
  });
  const t0 = performance.now();
  const latencies = [];
  const renders = [];
  const runs = [];
  for (let i = 0; i < edits; i++) {
    const n = offset + i;
    // A fund figure (every scenario recomputes), or one institution's history (its cell on the data view).
    const detail = kind === 'policy'
      ? { type: 'edit', path: ['fund', 'adjustmentFundRate'], value: '0.0' + String(300 + n + 1) }
      : { type: 'edit', path: ['hospitals', n % 50, 'history', 2], value: String(1000000 + n) + '.00' };
    const start = performance.now();
    app.dispatchEvent(new CustomEvent('gb-action', { detail }));
    await new Promise((r) => setTimeout(r, 0));
    await shownAll();
    const shown = performance.now();
    await frame();
    const end = performance.now();
    latencies.push(end - start);
    renders.push(end - shown);
    { const s = ctl.state; runs.push(Math.max(...[...new Set([s.active, ...s.compare])].map((k) => s.cols[k].ms))); }
  }
  await w.__gb.flush();
  await frame();
  const t1 = performance.now();
  const tasks = w.__longtasks.filter((e) => e.start + e.duration >= t0 && e.start <= t1);
  return { latencies, renders, runs, longest: tasks.reduce((m, e) => Math.max(m, e.duration), 0), count: tasks.length };
}`;

type Loop = { latencies: number[]; renders: number[]; runs: number[]; longest: number; count: number };
type Cpu = { perEdit: number; longest: number };

/** Chromium's trace of the page's main thread while `f` runs: the CPU time of its tasks. */
async function mainThreadCpu<T>(cdp: CDPSession, edits: number, f: () => Promise<T>, keep?: string): Promise<[T, Cpu]> {
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReturnAsStream' });
  const r = await f();
  const done = new Promise<string>((ok) => cdp.once('Tracing.tracingComplete', (e) => ok(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  if (keep) writeFileSync(keep, text);
  type Ev = { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } };
  const events = (JSON.parse(text) as { traceEvents: Ev[] }).traceEvents;
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let total = 0;
  let longest = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    const cpu = (e.tdur ?? 0) / 1000;
    total += cpu;
    if (cpu > longest) longest = cpu;
  }
  return [r, { perEdit: total / edits, longest }];
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

const HOW: Record<View, { kind: 'policy' | 'institution'; wait: 'active' | 'all' | 'brief' }> = {
  results: { kind: 'policy', wait: 'active' },
  compare: { kind: 'policy', wait: 'all' },
  hospital: { kind: 'policy', wait: 'brief' },
  data: { kind: 'institution', wait: 'active' },
  years: { kind: 'policy', wait: 'all' },
  sweeps: { kind: 'policy', wait: 'active' },
  risk: { kind: 'policy', wait: 'active' },
  monitor: { kind: 'policy', wait: 'active' },
};

/** One core kept busy: a child process spinning until it is killed. */
function spinner(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

async function measure(page: Page, cdp: CDPSession, view: View, offset: number, edits = EDITS): Promise<[Loop, Cpu]> {
  await page.locator(`[data-tab="${view}"]`).click();
  await settled(page, 300_000);
  await page.waitForTimeout(300);
  const { kind, wait } = HOW[view];
  // Passed as source text: runners that rewrite functions (tsx adds __name helpers) cannot break it.
  const dir = process.env.BENCH_TRACE;
  if (dir) mkdirSync(dir, { recursive: true });
  const loop = async () => (await page.evaluate(`(${EDIT_LOOP})(${edits}, '${kind}', '${wait}', ${offset})`)) as Loop;
  const profile = process.env.BENCH_PROFILE;
  if (!profile || offset === 0) return mainThreadCpu(cdp, edits, loop, dir ? join(dir, `${view}-${offset}.json`) : undefined);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const r = await mainThreadCpu(cdp, edits, loop);
  const { profile: p } = await cdp.send('Profiler.stop');
  mkdirSync(profile, { recursive: true });
  writeFileSync(join(profile, `${view}-${offset}.cpuprofile`), JSON.stringify(p));
  console.log(`${view}: main thread self time by function (ms over ${edits} edits)\n${selfTimes(p as Profile).slice(0, 25).join('\n')}`);
  return r;
}

interface Profile { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] }

/** Self time per function of a CPU profile (the page's main thread), largest first. */
function selfTimes(p: Profile): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const t = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const k = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
    t.set(k, (t.get(k) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return [...t].sort((a, b) => b[1] - a[1]).map(([k, ms]) => `${ms.toFixed(1).padStart(8)}  ${k}`);
}

export async function browserBench(): Promise<BenchFigure[]> {
  const views = (process.env.BENCH_VIEWS?.split(',') as View[] | undefined)?.filter((v) => VIEWS.includes(v)) ?? [...VIEWS];
  await buildApp();
  const server = await serve();
  const browser = await launch();
  const figures: BenchFigure[] = [];
  let load: ChildProcess | null = null;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: `globalThis.__longtasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) globalThis.__longtasks.push({ start: e.startTime, duration: e.duration }); })
        .observe({ type: 'longtask', buffered: true });` });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(server.url);
    await settled(page, 120_000);
    await page.getByTestId('open-file').setInputFiles({ name: 'bench.gbsim.json', mimeType: 'application/json', buffer: Buffer.from(workspaceText()) });
    await page.waitForFunction((n) => {
      const s = (globalThis as any).__gb?.ctl.state;
      return s && s.ws.baseline.hospitals.length === n && s.compare.length === 3;
    }, N, { timeout: 180_000, polling: 100 });
    await settled(page, 300_000);
    // Warm every view once (first renders, chart set-up), unmeasured.
    for (const v of views) await measure(page, cdp, v, 0, 10);

    let offset = 100;
    const ways = process.env.BENCH_LOAD === 'quiet' ? [false] : process.env.BENCH_LOAD === 'loaded' ? [true] : [false, true];
    for (const loaded of ways) {
      if (loaded) { load = spinner(); await page.waitForTimeout(500); }
      for (const v of views) {
        const [r, cpu] = await measure(page, cdp, v, offset);
        offset += EDITS;
        const tag = `${N}x3${loaded ? '-loaded' : ''}`;
        const each = () => r.latencies.map((l, i) => `${l.toFixed(0)}(${r.runs[i]!.toFixed(0)}+${r.renders[i]!.toFixed(0)})`).join(' ');
        if (process.env.BENCH_VERBOSE) console.log(`${v}${loaded ? ' loaded' : ''}: ${each()}`);
        figures.push(
          { name: `browser-${v}-recompute-p50-${tag}`, value: pct(r.latencies, 50), unit: 'ms' },
          { name: `browser-${v}-recompute-p95-${tag}`, value: pct(r.latencies, 95), unit: 'ms' },
          { name: `browser-${v}-longest-task-${tag}`, value: r.longest, unit: 'ms' },
          { name: `browser-${v}-long-tasks-${tag}`, value: r.count, unit: 'count' },
          { name: `browser-${v}-main-cpu-per-edit-${tag}`, value: cpu.perEdit, unit: 'ms' },
          { name: `browser-${v}-longest-task-cpu-${tag}`, value: cpu.longest, unit: 'ms' },
          // Where the latency goes (median over the edits): the slowest column's run in its worker,
          // and the page's part after the last result arrived (showing it and drawing a frame).
          { name: `browser-${v}-worker-run-p50-${tag}`, value: pct(r.runs, 50), unit: 'ms' },
          { name: `browser-${v}-page-part-p50-${tag}`, value: pct(r.renders, 50), unit: 'ms' },
        );
      }
      if (load) { load.kill(); load = null; }
    }
    await context.close();
    return figures;
  } finally {
    load?.kill();
    await browser.close();
    await server.close();
  }
}
