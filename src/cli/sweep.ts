/**
 * `gbsim sweep FILE --param PATH --from A --to B --step S [--param2 PATH --from2 A --to2 B
 *  --step2 S] [--output NAME …]`, `gbsim sweep FILE --tornado PATH,PATH,… --pct X [--output
 *  NAME]`, `gbsim sweep FILE` (the sweeps kept in the file's `analysis.sweeps`) and
 * `gbsim sweep FILE --list` (the parameters that can be swept). Common: `--json`, `--xlsx
 * OUT`, `--unit yuan|wan`, `--lang zh|en`, `--workers auto|N` (0 = this thread).
 * Every point is an exact run; invalid points are listed with their issues.
 */
import { parseArgs } from 'node:util';
import { CliError, IssuesError, readScenario, type Io } from './io.ts';
import { oneOf, langOption, isPercent, rateFlag } from './args.ts';
import { renderTable } from './table.ts';
import { issueIn, writeBytes, wroteLine } from './analysis-out.ts';
import { outputValue, paramValue } from '../display/analysis.ts';
import { outputLabel, paramLabel } from '../sheets/analysis-words.ts';
import { pointName, sweepWorkbook, type SweepSheet } from '../sheets/analysis-export.ts';
import { SweepPool, autoWorkers, evaluateAll, hasWorkerEntry } from './sweep-pool.ts';
import { assembleSweep, planSweep, type Plan, type PointOutcome, type SweepResult } from '../engine/sweep.ts';
import { assembleTornado, planTornado, type TornadoResult } from '../engine/tornado.ts';
import { DEFAULT_OUTPUTS, DEFAULT_TORNADO_OUTPUT } from '../engine/sweep-outputs.ts';
import { sweepSpec, tornadoSpec } from '../engine/analysis-params.ts';
import { resolveParam, sweepableParams, type ParamInfo, type ParamKind } from '../engine/sweep-params.ts';
import type { Issue } from '../format/issues.ts';
import { parseDecimal, formatDecimal } from '../engine/decimal.ts';
import { unitName } from '../display/glossary.ts';
import type { Lang, Unit } from '../display/lang.ts';
import type { Scenario, SweepAxis } from '../format/types.ts';

export const SWEEP_USAGE = `usage: gbsim sweep FILE --param PATH --from A --to B --step S [--param2 PATH --from2 A --to2 B --step2 S] [--output NAME ...]
       gbsim sweep FILE --tornado PATH,PATH,... --pct X [--output NAME]
       gbsim sweep FILE            (the sweeps in the file's analysis.sweeps)
       gbsim sweep FILE --list [--hospitals]
  common: [--json] [--xlsx OUT.xlsx] [--unit yuan|wan] [--lang zh|en] [--workers auto|N]
  a rate's A, B and S as decimals (0.05) or percentages (5%); --pct 10 or 10% for ±10%`;

const MAX_ISSUE_LINES = 30;

/** The words of the text reports and progress lines, in each language (figure and parameter names: analysis-words.ts; the rest the app's sweeps tab's). */
const T = {
  en: {
    kind: { amount: 'amount', rate: 'rate', share: 'share', score: 'score', count: 'count' } satisfies Record<ParamKind, string>,
    job: { sweep: 'sweep', tornado: 'tornado' },
    axis: (label: string, path: string, kind: string, first: string, last: string, n: number, current: string | null, offGrid: boolean) =>
      `${label} ${path} (${kind}): ${first} … ${last}, ${n} values; current ${current ?? '(not set)'}${offGrid ? ' (not on the grid)' : ''}`,
    sweepOf: (axis: string) => `Sweep of ${axis}`,
    amounts: (unit: string) => `Amounts in ${unit}; every point an exact run.`,
    value: 'value', note: 'note', mark: '◀ current', invalid: 'invalid',
    grid: (out: string, rows: string, cols: string) => `${out} (rows: ${rows}; columns: ${cols}; * = current):`,
    invalidPoints: (n: number) => `${n} invalid point${n === 1 ? '' : 's'}:`,
    more: (n: number) => `  … and ${n} more (--json lists them all)`,
    tornado: (out: string, pct: string, change: string) =>
      `Tornado: ${out} with each parameter at −${pct} and +${pct} (value × (1 ± ${change}), rounded to its precision); the rest as in the file.`,
    atCurrent: (_out: string, v: string) => `At the current values: ${v}. Ranked by spread (max − min of the output over −, current, +).`,
    tornadoCols: (pct: string) => ['rank', 'parameter', 'path', 'current', `−${pct}`, `+${pct}`, `output at −${pct}`, `output at +${pct}`, 'spread'],
    notRun: 'Points that could not be run:',
    list: (n: number, name: string, id: string) =>
      `${n} parameters of ${name} can be swept (institutions' fields too, by path: hospitals[id=${id}].lockedTarget, … or --hospitals):`,
    listCols: ['path', 'parameter', 'kind', 'range', 'current'],
    progress: (name: string, n: number, w: number) => `${name}: ${n} points and the plain run, each an exact run, ${w === 0 ? 'in this thread' :
      `on ${w} worker${w === 1 ? '' : 's'}`}`,
    done: (ms: number) => `done in ${ms} ms`,
  },
  zh: {
    kind: { amount: '金额', rate: '数值', share: '比例', score: '得分', count: '计数' } satisfies Record<ParamKind, string>,
    job: { sweep: '参数扫描', tornado: '龙卷风图' },
    axis: (label: string, path: string, kind: string, first: string, last: string, n: number, current: string | null, offGrid: boolean) =>
      `${label} ${path}（${kind}）：${first} … ${last}，共 ${n} 个取值；当前值 ${current ?? '（未设置）'}${offGrid ? '（不在扫描取值中）' : ''}`,
    sweepOf: (axis: string) => `参数扫描：${axis}`,
    amounts: (unit: string) => `金额单位：${unit}；每个点均为一次精确测算。`,
    value: '取值', note: '说明', mark: '◀ 当前值', invalid: '无效',
    grid: (out: string, rows: string, cols: string) => `${out}（行：${rows}；列：${cols}；* = 当前值）：`,
    invalidPoints: (n: number) => `${n} 个无效点：`,
    more: (n: number) => `  ……另有 ${n} 个（--json 列出全部）`,
    tornado: (out: string, pct: string, change: string) =>
      `龙卷风图：${out}，各参数分别下调 ${pct}、上调 ${pct}（取值 × (1 ± ${change})，按其精度舍入），其余参数同方案文件。`,
    atCurrent: (out: string, v: string) => `现方案的${out}：${v}。按影响幅度（下调、当前、上调三者中该指标的最大值 − 最小值）排序。`,
    tornadoCols: (pct: string) => ['排名', '参数', '路径', '当前值', `−${pct}`, `+${pct}`, `−${pct} 时结果`, `+${pct} 时结果`, '影响幅度'],
    notRun: '无法运行的点：',
    list: (n: number, name: string, id: string) =>
      `${name} 可扫描的参数共 ${n} 个（机构字段也可按路径扫描：hospitals[id=${id}].lockedTarget 等，或用 --hospitals 列出）：`,
    listCols: ['路径', '参数', '类型', '取值范围', '当前值'],
    progress: (name: string, n: number, w: number) => `${name}：${n} 个点及原方案，各为一次精确测算，${w === 0 ? '在本线程中运行' : `使用 ${w} 个线程`}`,
    done: (ms: number) => `用时 ${ms} 毫秒`,
  },
} as const;

const unitText = (unit: Unit, lang: Lang) => (lang === 'zh' ? unitName(unit, lang) : unit === 'wan' ? '万元' : '元');

interface Job {
  name: string;
  plan: Plan;
}


/** Problems of a sweep given by flags, named by the flag. */
const FLAG_OF: Record<string, string> = {
  'param.path': '--param', 'param.from': '--from', 'param.to': '--to', 'param.step': '--step',
  'param2.path': '--param2', 'param2.from': '--from2', 'param2.to': '--to2', 'param2.step': '--step2',
  change: '--pct', output: '--output',
};
function flagIssues(issues: Issue[], values: { output?: string[]; tornado?: string }): string {
  return issues.map((i) => {
    const o = /^outputs\[(\d+)\]$/.exec(i.path);
    const t = /^params\[(\d+)\]$/.exec(i.path);
    const flag = o ? `--output ${values.output?.[Number(o[1])] ?? ''}` : t ? `--tornado (${values.tornado?.split(',')[Number(t[1])]?.trim() ?? ''})` :
      FLAG_OF[i.path] ?? i.path;
    return `${flag}: ${i.message}`;
  }).join('\n');
}

function parseFlags(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        param: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, step: { type: 'string' },
        param2: { type: 'string' }, from2: { type: 'string' }, to2: { type: 'string' }, step2: { type: 'string' },
        output: { type: 'string', multiple: true }, tornado: { type: 'string' }, pct: { type: 'string' },
        json: { type: 'boolean' }, xlsx: { type: 'string' }, unit: { type: 'string' }, lang: { type: 'string' },
        workers: { type: 'string' }, list: { type: 'boolean' }, hospitals: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${SWEEP_USAGE}`, 2);
  }
}

/** Percent ("10" or "10%") → the relative change as a share ("0.1"), exactly. */
function pctToChange(pct: string): string {
  const x = parseDecimal(pct.trim().replace(/\s*%$/, ''));
  if (x === null || x <= 0n ||
    x > 100n * 10n ** 12n) throw new CliError(`--pct must be a percentage greater than 0 and at most 100, like 10 for ±10%\n${SWEEP_USAGE}`, 2);
  // x / 100 exactly: a percentage with up to 10 decimals stays within 12.
  if (x % 100n !== 0n) throw new CliError('--pct has too many decimals (at most 10)', 2);
  return formatDecimal(x / 100n);
}

function jobsFromFlags(s: Scenario, v: ReturnType<typeof parseFlags>['values']): Job[] {
  const outputs = v.output;
  if (v.tornado !== undefined) {
    if (v.param !== undefined) throw new CliError(`use either --param or --tornado, not both\n${SWEEP_USAGE}`, 2);
    if (v.pct === undefined) throw new CliError(`--tornado needs --pct X (e.g. --pct 10 for ±10%)\n${SWEEP_USAGE}`, 2);
    if ((outputs?.length ?? 0) > 1) throw new CliError('a tornado ranks by one output: give --output once', 2);
    const params = v.tornado.split(',').map((p) => p.trim()).filter(Boolean);
    const r = planTornado(s, { params, change: pctToChange(v.pct), output: outputs?.[0] ?? DEFAULT_TORNADO_OUTPUT });
    if (!r.ok) throw new CliError(flagIssues(r.issues, v), 2);
    return [{ name: 'tornado', plan: r.plan }];
  }
  const axis = (suffix: '' | '2') => {
    const path = v[`param${suffix}`], from = v[`from${suffix}`], to = v[`to${suffix}`], step = v[`step${suffix}`];
    if (path === undefined) {
      if (from !== undefined || to !== undefined ||
        step !== undefined) throw new CliError(`--from${suffix}/--to${suffix}/--step${suffix} need --param${suffix}`, 2);
      return undefined;
    }
    if (from === undefined || to === undefined ||
      step === undefined) throw new CliError(`--param${suffix} needs --from${suffix}, --to${suffix} and --step${suffix}\n${SWEEP_USAGE}`, 2);
    return percentAxis(s, suffix, { path, from, to, step });
  };
  const param = axis('');
  const param2 = axis('2');
  if (!param) throw new CliError(param2 ? '--param2 needs --param' : `--pct needs --tornado`, 2);
  const r = planSweep(s, { param, param2, outputs: outputs ?? DEFAULT_OUTPUTS });
  if (!r.ok) throw new CliError(flagIssues(r.issues, v), 2);
  return [{ name: 'sweep', plan: r.plan }];
}

/**
 * An axis typed with percentages (--from 5% --to 10% --step 0.5%) as the file keeps it
 * (0.05, 0.1, 0.005), exactly; only a rate can be typed so (an amount or a coefficient with a
 * % is refused, naming the flag). A path that does not resolve is left for the plan to report.
 */
function percentAxis(s: Scenario, suffix: '' | '2', axis: SweepAxis): SweepAxis {
  const typed = (['from', 'to', 'step'] as const).filter((f) => isPercent(axis[f]));
  if (!typed.length) return axis;
  const r = resolveParam(s, axis.path);
  if (r.ok && !r.param.percent) {
    throw new CliError(`--${typed[0]}${suffix}: ${axis.path} is not a rate; give its values as numbers, without %`, 2);
  }
  const at = (f: 'from' | 'to' | 'step') => rateFlag(`--${f}${suffix}`, axis[f]);
  return { path: axis.path, from: at('from'), to: at('to'), step: at('step') };
}

function jobsFromFile(file: string, s: Scenario): Job[] {
  const sweeps = s.analysis?.sweeps ?? [];
  if (sweeps.length === 0) throw new CliError(`${file} keeps no sweeps (analysis.sweeps); give --param … or --tornado …\n${SWEEP_USAGE}`, 2);
  const issues: Issue[] = [];
  const jobs: Job[] = [];
  sweeps.forEach((sw, k) => {
    const at = `analysis.sweeps[${k}]`;
    const r = sw.kind === 'tornado' ? planTornado(s, tornadoSpec(sw), at) : planSweep(s, sweepSpec(sw), at);
    if (r.ok) jobs.push({ name: sw.name ?? `${sw.kind} ${k + 1}`, plan: r.plan });
    else issues.push(...r.issues);
  });
  if (issues.length) throw new IssuesError(file, issues, s);
  return jobs;
}

function workersFlag(v: string | undefined): number | 'auto' {
  if (v === undefined || v === 'auto') return 'auto';
  if (!/^\d+$/.test(v) || Number(v) > 64) throw new CliError('--workers must be auto or a whole number from 0 to 64 (0 = this thread)', 2);
  if (Number(v) > 0 && !hasWorkerEntry()) throw new CliError('worker threads are started through bin/gbsim.mjs (npx gbsim); use --workers 0 here', 2);
  return Number(v);
}

export async function sweepCommand(args: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseFlags(args);
  if (positionals.length !== 1) throw new CliError(`sweep takes exactly one scenario file\n${SWEEP_USAGE}`, 2);
  const unit = oneOf(v.unit, ['yuan', 'wan'] as const, '--unit', 'yuan');
  const lang = langOption(v.lang);
  const workers = workersFlag(v.workers);
  const file = positionals[0]!;
  const s = readScenario(file);

  if (v.list) {
    const list = sweepableParams(s, { hospitals: v.hospitals === true });
    io.out(v.json ? JSON.stringify(list, null, 2) : listText(s, list, lang, unit));
    return 0;
  }
  const flagged = v.param !== undefined || v.tornado !== undefined || v.param2 !== undefined || v.pct !== undefined || v.from !== undefined;
  if (!flagged && v.output !== undefined) throw new CliError(`--output needs --param or --tornado\n${SWEEP_USAGE}`, 2);
  const jobs = flagged ? jobsFromFlags(s, v) : jobsFromFile(file, s);

  const done: SweepSheet[] = [];
  let pool: SweepPool | null = null;
  const t0 = performance.now();
  try {
    for (const job of jobs) {
      const w = workers === 'auto' ? autoWorkers(job.plan, s.hospitals.length) : Math.min(workers, job.plan.points.length);
      let outcomes: PointOutcome[];
      if (w === 0) outcomes = await evaluateAll(s, job.plan, 0);
      else {
        if (pool && pool.size !== w) { await pool.close(); pool = null; }
        pool ??= new SweepPool(w);
        outcomes = await pool.evaluate(s, job.plan);
      }
      // A sweep given by flags is named by its kind (in the user's language); one kept in the file by its name.
      const name = flagged ? T[lang].job[job.plan.kind] : job.name;
      io.err(T[lang].progress(name, job.plan.points.length - 1, w));
      done.push(job.plan.kind === 'sweep' ? { name, result: assembleSweep(job.plan, outcomes) } : { name, result: assembleTornado(job.plan, outcomes) });
    }
  } finally {
    await pool?.close();
  }
  io.err(T[lang].done(Math.round(performance.now() - t0)));

  if (v.json) io.out(JSON.stringify(jobs.length === 1 && flagged ? done[0]!.result : done, null, 2));
  else io.out(done.map((d) => `${jobs.length > 1 || !flagged ? `== ${d.name} ==\n` : ''}${d.result.kind === 'sweep' ? sweepText(s, d.result, unit, lang) :
    tornadoText(s, d.result, unit, lang)}`).join('\n\n'));
  if (typeof v.xlsx === 'string') {
    writeBytes(v.xlsx, await sweepWorkbook(s, done, lang, unit));
    io.err(wroteLine(v.xlsx, lang));
  }
  return 0;
}


function listText(s: Scenario, list: ParamInfo[], lang: Lang, unit: Unit): string {
  const t = T[lang];
  const end = (v: string | null, p: ParamInfo, none: string) => (v === null ? none : paramValue(v, p, unit));
  const range = (p: ParamInfo) => `${p.minOpen ? '(' : '['}${end(p.min, p, '−∞')}, ${end(p.max, p, '∞')}]`;
  return [
    t.list(list.length, s.meta.name, s.hospitals[0]!.id),
    renderTable(
      t.listCols.map((header, k) => ({ header, right: k === 4 })),
      list.map((p) => [p.path, paramLabel(p, s, lang), t.kind[p.kind], range(p), paramValue(p.current, p, unit)]),
    ),
  ].join('\n');
}

function axisHead(s: Scenario, a: SweepResult['axes'][number], unit: Unit, lang: Lang): string {
  const show = (v: string) => paramValue(v, a.param, unit);
  return T[lang].axis(paramLabel(a.param, s, lang), a.param.path, T[lang].kind[a.param.kind], show(a.values[0]!), show(a.values[a.values.length - 1]!),
    a.values.length, a.param.current === null ? null : show(a.param.current), a.currentIndex === null);
}

export function sweepText(s: Scenario, r: SweepResult, unit: Unit, lang: Lang): string {
  const t = T[lang];
  const lines = [t.sweepOf(axisHead(s, r.axes[0]!, unit, lang))];
  if (r.axes[1]) lines.push(`      × ${axisHead(s, r.axes[1], unit, lang)}`);
  lines.push(t.amounts(unitText(unit, lang)), '');
  const [a, b] = r.axes;
  if (!b) {
    lines.push(renderTable(
      [{ header: t.value, right: true }, ...r.outputs.map((o) => ({ header: outputLabel(o.name, lang, s), right: true })), { header: t.note }],
      a!.values.map((v, i) => {
        const p = r.points[i]!;
        return [paramValue(v, a!.param, unit), ...r.outputs.map((o, k) => (p.values ? outputValue(p.values[k]!, o.kind, unit) : t.invalid)),
          i === a!.currentIndex ? t.mark : ''];
      }),
    ));
  } else {
    r.outputs.forEach((o, k) => {
      lines.push(t.grid(outputLabel(o.name, lang, s), a!.param.path, b.param.path));
      const mark = (v: string, i: number, ax: typeof a) => `${paramValue(v, ax!.param, unit)}${i === ax!.currentIndex ? '*' : ''}`;
      lines.push(renderTable(
        [{ header: '' }, ...b.values.map((v, j) => ({ header: mark(v, j, b), right: true }))],
        a!.values.map((v, i) => [mark(v, i, a), ...b.values.map((_, j) => {
          const p = r.points[i * b.values.length + j]!;
          return p.values ? outputValue(p.values[k]!, o.kind, unit) : t.invalid;
        })]),
      ), '');
    });
  }
  lines.push(...issueLines(r.points.map((p, i) => ({ p, at: pointName(r, i, s, lang, unit) })), s, lang));
  return lines.join('\n').trimEnd();
}

function issueLines(points: { p: PointOutcome; at: string }[], s: Scenario, lang: Lang): string[] {
  const bad = points.filter((x) => x.p.values === null);
  if (!bad.length) return [];
  const t = T[lang];
  const out = ['', t.invalidPoints(bad.length)];
  const sep = lang === 'zh' ? '；' : '; ';
  for (const x of bad.slice(0, MAX_ISSUE_LINES)) out.push(`  ${x.at}${lang === 'zh' ? '：' : ': '}${x.p.issues.map((i) => issueIn(i, lang, s)).join(sep)}`);
  if (bad.length > MAX_ISSUE_LINES) out.push(t.more(bad.length - MAX_ISSUE_LINES));
  return out;
}

export function tornadoText(s: Scenario, r: TornadoResult, unit: Unit, lang: Lang): string {
  const t = T[lang];
  const pct = `${formatDecimal(parseDecimal(r.change)! * 100n)}%`;
  const kind = r.output.kind;
  const lines = [
    t.tornado(outputLabel(r.output.name, lang, s), pct, r.change),
    t.atCurrent(outputLabel(r.output.name, lang, s), r.base.values ? outputValue(r.base.values[0]!, kind, unit) : t.invalid),
    '',
    renderTable(
      t.tornadoCols(pct).map((header, k) => ({ header, right: k === 0 || k > 2 })),
      r.entries.map((e, k) => {
        const out = (v: string | null, at: string | null) => (at === null ? '—' : v === null ? t.invalid : outputValue(v, kind, unit));
        return [
          String(k + 1), paramLabel(e.param, s, lang), e.param.path, paramValue(e.param.current, e.param, unit), paramValue(e.low, e.param, unit),
            paramValue(e.high, e.param, unit),
          out(e.outLow, e.low), out(e.outHigh, e.high), e.spread === null ? '—' : outputValue(e.spread, kind, unit),
        ];
      }),
    ),
  ];
  const bad = r.entries.filter((e) => e.issues.length);
  if (bad.length) {
    lines.push('', t.notRun);
    for (const e of bad) {
      lines.push(`  ${e.param.path}${lang === 'zh' ? '：' : ':'}`);
      for (const i of e.issues) lines.push(`    ${issueIn(i, lang, s)}`);
    }
  }
  return lines.join('\n');
}
