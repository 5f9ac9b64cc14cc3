/**
 * Case-list import figures for `npm run bench` (called from bench/run.ts), each the whole
 * import — read, case points, totals, report — of a generated list:
 *
 *   bench: cases-import-1000000-csv-node <s> s            (+ …-peak-rss <MB> MB)
 *   bench: cases-import-1000000-parquet-node <s> s
 *   bench: cases-import-10000000-csv-node <s> s
 *   bench: cases-import-10000000-parquet-node <s> s
 *   bench: cases-import-1000000-bad-csv-node <s> s        (with 1,000 bad rows: the report's second pass)
 *   bench: cases-import-1000000-csv-chromium <s> s        (DuckDB-wasm in the app's worker, engine already loaded;
 *                                                          also -cpu, and -read / -aggregate / -report: the import's phases)
 *   bench: cases-wasm-load-chromium <s> s                 (fetching and compiling the 34 MB engine, once)
 *   (each Node figure also as …-cpu <s> s: CPU seconds over all threads, steadier when the machine is shared)
 *
 * Node figures: the median of 3 imports in a fresh process each size (peak RSS of that process,
 * DuckDB's native memory included). Chromium: the median of 3 imports of the file picked in
 * the page; peak RSS summed over the Chromium processes this bench started (not other browsers on the machine). Lists: the city's 76 inpatient
 * institutions for 1,000,000 cases, 3,000 synthetic institutions for 10,000,000 (a province);
 * the 3,000-group DIP catalogue; months as "YYYY-MM". Files are generated once into the temp
 * folder and reused. Timings on this shared 2-core machine are noisy.
 *
 *   npx tsx bench/cases.ts                 # all figures
 *   npx tsx bench/cases.ts --node-only     # skip Chromium
 *   npx tsx bench/cases.ts --no-10m        # skip the 10,000,000-case lists (minutes each)
 *   npx tsx bench/cases.ts --chromium-only # only the Chromium figures
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawnSync, execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printFigure } from './print.ts';
import { synthCity } from './synth.ts';
import { synthCatalogue } from '../scripts/cases/catalogue.ts';
import { institutionsOf, writeCaseList, type CaseListOptions } from '../scripts/cases/caselist.ts';
import type { CaseSetup } from '../src/cases/types.ts';

const GEN_VERSION = 1; // bump when the generator changes, so cached files are made again
const DIR = join(tmpdir(), 'gbsim-bench-cases');
const HERE = fileURLToPath(import.meta.url);

type Base = 'city' | 'province';

function base(b: Base): { ids: string[]; institutions: CaseListOptions['institutions'] } {
  const s = b === 'city' ? JSON.parse(readFileSync(new URL('../scenarios/city.json', import.meta.url), 'utf8')) : synthCity(3000, 42);
  return { ids: s.hospitals.map((h: { id: string }) => h.id), institutions: institutionsOf(s) };
}

export function benchSetup(b: Base): CaseSetup {
  return { hospitalIds: base(b).ids, year: 2025, catalogue: synthCatalogue(), thresholds: { low: '0.5', high: '2' } };
}

/** A generated case list, made once and reused. */
export async function benchFile(cases: number, format: 'csv' | 'parquet', bad = 0): Promise<string> {
  mkdirSync(DIR, { recursive: true });
  const b: Base = cases > 2_000_000 ? 'province' : 'city';
  const path = join(DIR, `v${GEN_VERSION}-${b}-${cases}-bad${bad}.${format}`);
  if (!existsSync(path)) {
    await writeCaseList(path, { institutions: base(b).institutions, catalogue: synthCatalogue(), year: 2025, cases, seed: 2025, bad, month: 'ym' });
  }
  return path;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** In this (fresh) process: import `file` `runs` times; print {seconds, peakMB} as JSON. */
async function one(file: string, b: Base, runs: number): Promise<void> {
  const { importCaseFile } = await import('../src/cases/node.ts');
  const setup = benchSetup(b);
  const xs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const u0 = process.cpuUsage();
    const r = await importCaseFile(file, setup);
    const u = process.cpuUsage(u0);
    xs.push((performance.now() - t0) / 1000);
    cpu.push((u.user + u.system) / 1e6);
    if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.report.fatal)}`);
  }
  console.log(JSON.stringify({ seconds: median(xs), cpu: median(cpu), peakMB: process.resourceUsage().maxRSS / 1024 }));
}

function nodeFigure(name: string, file: string, b: Base, runs = 3): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', HERE, '--one', file, b, String(runs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) { console.log(`bench: ${name} failed: ${r.stderr.split('\n').slice(-5).join(' ')}`); return; }
  const { seconds, cpu, peakMB } = JSON.parse(r.stdout.trim().split('\n').pop()!);
  printFigure(name, seconds, 's');
  printFigure(`${name}-peak-rss`, peakMB, 'MB');
  // CPU seconds of all DuckDB's threads: steadier than the wall time on a shared machine.
  printFigure(`${name}-cpu`, cpu, 's');
}

/**
 * The processes this bench started (Chromium's browser, renderers, utility processes), found as
 * descendants of this process: other sessions' browsers on a shared machine are not counted.
 */
function ownProcesses(): { pid: number; rssKB: number }[] {
  let out = '';
  try { out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' }); } catch { return []; }
  const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of rows) if (mine.has(ppid) && !mine.has(pid)) { mine.add(pid); grew = true; }
  }
  mine.delete(process.pid);
  return rows.filter(([pid]) => mine.has(pid)).map(([pid, , rss]) => ({ pid, rssKB: rss }));
}

/** Resident memory of this bench's Chromium processes, summed (MB). */
const chromiumRss = (): number => ownProcesses().reduce((a, p) => a + p.rssKB, 0) / 1024;

/** CPU seconds (user + system, all threads) of this bench's Chromium processes so far. */
function chromiumCpu(): number {
  let ticks = 0;
  for (const { pid } of ownProcesses()) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch { /* ended meanwhile */ }
  }
  return ticks / 100; // USER_HZ
}

async function chromiumFigures(file: string, warm: string): Promise<void> {
  const { buildApp, serve } = await import('../e2e/serve.ts');
  const { launch, open, settled } = await import('../e2e/harness.ts');
  await buildApp();
  const server = await serve();
  const browser = await launch();
  try {
    const s = await open(browser, server.url);
    await settled(s.page, 120_000);
    const addInput = `(() => {
      const i = document.createElement('input'); i.type = 'file'; i.id = 'gb-bench-cases'; i.hidden = true; document.body.append(i);
    })()`;
    await s.page.evaluate(addInput);
    const setup = JSON.stringify(benchSetup('city'));
    // Passed as source text: runners that rewrite functions (tsx adds __name helpers) cannot break it.
    type Run = { ms: number; ok: boolean; timings: Record<string, number>; cpu: number };
    const run = async (path: string): Promise<Run> => {
      await s.page.setInputFiles('#gb-bench-cases', path);
      const cpu0 = chromiumCpu();
      const r = (await s.page.evaluate(`(async (setup) => {
        const file = document.getElementById('gb-bench-cases').files[0];
        const client = await globalThis.__gb.cases();
        const t0 = performance.now();
        const r = await client.importCaseList(file, setup).result;
        return { ms: performance.now() - t0, ok: r.ok, timings: r.report.timings ?? {} };
      })(${setup})`)) as Omit<Run, 'cpu'>;
      return { ...r, cpu: chromiumCpu() - cpu0 };
    };
    const load = await run(warm); // the first import loads the engine
    const again = await run(warm);
    printFigure('cases-wasm-load-chromium', Math.max(0, (load.ms - again.ms) / 1000), 's');
    let peak = chromiumRss();
    const timer = setInterval(() => { peak = Math.max(peak, chromiumRss()); }, 100);
    const runs: Run[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const r = await run(file);
        if (!r.ok) throw new Error('the Chromium import failed');
        runs.push(r);
      }
    } finally {
      clearInterval(timer);
    }
    const name = 'cases-import-1000000-csv-chromium';
    printFigure(name, median(runs.map((r) => r.ms / 1000)), 's');
    printFigure(`${name}-peak-rss`, peak, 'MB');
    // CPU seconds of the browser's processes over the import (the worker's DuckDB runs on one thread):
    // steadier than the wall time when the machine is shared.
    printFigure(`${name}-cpu`, median(runs.map((r) => r.cpu)), 's');
    // Where the time goes (the import's own phases): the one SQL pass over the file, the result
    // assembled into totals, the report's second pass.
    for (const phase of ['read', 'aggregate', 'report']) printFigure(`${name}-${phase}`, median(runs.map((r) => r.timings[phase] ?? 0)), 's');
  } finally {
    await browser.close();
    await server.close();
  }
}

/** All case-import figures. */
export async function casesBench(opts: { chromium?: boolean; node?: boolean; large?: boolean } = {}): Promise<void> {
  const m1csv = await benchFile(1_000_000, 'csv');
  if (opts.node !== false) {
    nodeFigure('cases-import-1000000-csv-node', m1csv, 'city');
    nodeFigure('cases-import-1000000-parquet-node', await benchFile(1_000_000, 'parquet'), 'city');
    nodeFigure('cases-import-1000000-bad-csv-node', await benchFile(1_000_000, 'csv', 1000), 'city');
  }
  if (opts.node !== false && opts.large !== false) {
    nodeFigure('cases-import-10000000-csv-node', await benchFile(10_000_000, 'csv'), 'province', 1);
    nodeFigure('cases-import-10000000-parquet-node', await benchFile(10_000_000, 'parquet'), 'province', 1);
  }
  if (opts.chromium !== false && existsSync('/usr/bin/chromium')) await chromiumFigures(m1csv, await benchFile(10_000, 'csv'));
  else console.log(`bench: cases chromium figures skipped (${opts.chromium === false ? '--node-only' : '/usr/bin/chromium missing'})`);
}

if (process.argv[1] === HERE) {
  const i = process.argv.indexOf('--one');
  if (i >= 0) await one(process.argv[i + 1]!, process.argv[i + 2] as Base, Number(process.argv[i + 3] ?? 3));
  else {
    const has = (f: string) => process.argv.includes(f);
    await casesBench({ chromium: !has('--node-only'), node: !has('--chromium-only'), large: !has('--no-10m') });
  }
}
