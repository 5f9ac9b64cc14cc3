/**
 * A case import from start to end, the same in Node and in the browser: detect the file,
 * map its header, run the SQL of sql.ts on the engine given, and turn the result rows into a
 * CaseAggregation and a CaseReport. Sums are added in bigint; every total is exact.
 */
import { planHeader } from './columns.ts';
import { formatFen, formatPoints } from './decimal.ts';
import { detect, HEAD_BYTES } from './detect.ts';
import type { Cell, CaseSource, SqlEngine } from './engine.ts';
import { PROBLEM_BITS } from './problems.ts';
import { prepareSetup, type PreparedSetup } from './setup.ts';
import {
  aggregateQuery, cleanupStatements, maskExamplesQuery, quoteIdent, readCsvCall, readParquetCall, rejectedStatement,
  rejectExamplesQuery, rejectLinesQuery, setupStatements, sourceType, unknownValuesQuery, type SourcePlan,
} from './sql.ts';
import type {
  CaseAggregation, CaseColumn, CaseImportResult, CasePhase, CaseProgress, CaseReport, CaseSetup, CaseTotals, FileProblem, InstitutionCases, ProblemRow,
    RowProblem,
} from './types.ts';

export const MAX_VALUE_CHARS = 40;
const RAW_COLUMNS: CaseColumn[] = ['institution', 'group', 'cost', 'fund', 'month', 'special'];

const cut = (s: string | null): string | null => (s === null ? null : s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}…` : s);
const int = (c: Cell): number => (typeof c === 'number' ? c : Number(c));
const big = (c: Cell): bigint => BigInt(c ?? 0);
const str = (c: Cell): string | null => (c === null ? null : String(c));

interface Acc { cases: number; points: bigint; fund: bigint; cost: bigint; low: number; high: number; special: number }
const acc = (): Acc => ({ cases: 0, points: 0n, fund: 0n, cost: 0n, low: 0, high: 0, special: 0 });
function add(a: Acc, b: Acc): void {
  a.cases += b.cases; a.points += b.points; a.fund += b.fund; a.cost += b.cost; a.low += b.low; a.high += b.high; a.special += b.special;
}
const totals = (a: Acc): CaseTotals => ({
  cases: a.cases, points: formatPoints(a.points), fundPayable: formatFen(a.fund), cost: formatFen(a.cost), low: a.low, high: a.high, special: a.special,
});
const rowAcc = (r: Cell[]): Acc => ({ cases: int(r[3]!), points: big(r[4]!), fund: big(r[5]!), cost: big(r[6]!), low: int(r[7]!), high: int(r[8]!),
  special: int(r[9]!) });

function emptyReport(name: string): CaseReport {
  return {
    file: { name, format: 'csv', columns: {}, ignored: [] },
    rows: 0, accepted: 0, rejected: 0, rejectedFundPayable: '0.00', problems: [], fatal: [],
  };
}

/** The aggregation from the rows of aggregateQuery (its month and group rows). */
export function assembleAggregation(p: PreparedSetup, rows: Cell[][]): CaseAggregation {
  const byInst = new Map<number, { months: Acc[]; groups: number; top: InstitutionCases['topGroups'] }>();
  const region = Array.from({ length: 12 }, acc);
  const inst = (hi: number) => {
    let e = byInst.get(hi);
    if (!e) { e = { months: Array.from({ length: 12 }, acc), groups: 0, top: [] }; byInst.set(hi, e); }
    return e;
  };
  for (const r of rows) {
    if (int(r[0]!) === 2) continue; // a mask row: see fillReport
    const e = inst(int(r[1]!));
    e.groups = int(r[10]!);
    const a = rowAcc(r);
    if (int(r[0]!) === 0) {
      const m = int(r[2]!) - 1;
      add(e.months[m]!, a);
      add(region[m]!, a);
    } else {
      e.top.push({ group: p.groups[int(r[2]!)]!.id, ...totals(a) });
    }
  }
  const institutions: InstitutionCases[] = [];
  const withoutCases: string[] = [];
  p.hospitalIds.forEach((id, hi) => {
    const e = byInst.get(hi);
    if (!e) { withoutCases.push(id); return; }
    const year = acc();
    for (const m of e.months) add(year, m);
    institutions.push({ id, ...totals(year), months: e.months.map(totals), groups: e.groups, topGroups: e.top });
  });
  const all = acc();
  for (const m of region) add(all, m);
  return { institutions, withoutCases, months: region.map(totals), total: totals(all) };
}

/** Average bytes per line in the head of a CSV (null when it holds fewer than two lines). */
function bytesPerLine(head: Uint8Array): number | null {
  let lines = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0x0a) lines++;
  return lines >= 2 ? head.length / lines : null;
}

/** Data row position (0-based among the rows the CSV reader split) → line number, skipping malformed lines. */
export function positionToLine(position: number, rejectLines: number[]): number {
  let line = position + 2;
  for (const l of rejectLines) {
    if (l <= line) line++;
    else break;
  }
  return line;
}

export interface ImportOptions {
  /** The CSV was made from a Parquet file (the browser's path): report it as Parquet, rows as record numbers. */
  fromParquet?: boolean;
}

export async function importCases(engine: SqlEngine, source: CaseSource, setup: CaseSetup, onProgress?: (p: CaseProgress) => void,
  opts: ImportOptions = {}): Promise<CaseImportResult> {
  const prep = prepareSetup(setup);
  const report = emptyReport(source.name);
  const timings: Partial<Record<CasePhase, number>> = {};
  report.timings = timings;
  let phaseStart = performance.now();
  let phase: CasePhase = 'read';
  /** Close the current phase's timing; start the next one, if any. */
  const enter = (next: CasePhase | null) => {
    const now = performance.now();
    timings[phase] = (timings[phase] ?? 0) + (now - phaseStart) / 1000;
    phaseStart = now;
    if (next) { phase = next; onProgress?.({ phase: next, fraction: null }); }
  };
  const fatal = (f: FileProblem): CaseImportResult => { report.fatal.push(f); return { ok: false, report }; };
  onProgress?.({ phase: 'read', fraction: 0 });

  const head = await source.head(HEAD_BYTES);
  const d = detect(head, source.name, head.length >= source.size);
  if (d.format === 'unreadable') return fatal({ kind: 'unreadable', detail: d.reason });
  if (d.format === 'empty') return fatal({ kind: 'empty' });

  let plan: SourcePlan;
  let isCsv = false;
  try {
    if (d.format === 'csv') {
      isCsv = true;
      const hp = planHeader(d.headers);
      Object.assign(report.file, { format: 'csv', encoding: d.encoding, delimiter: d.delimiter, columns: hp.names, ignored: hp.ignored });
      if (hp.problems.length) { report.fatal.push(...hp.problems); return { ok: false, report }; }
      const path = await source.path(d.encoding === 'utf-8' ? undefined : d.encoding);
      const columns: SourcePlan['columns'] = {};
      for (const [k, i] of Object.entries(hp.index)) columns[k as CaseColumn] = { expr: `c${i}`, type: 'text' };
      plan = { from: readCsvCall(path, d.headers.length, d.delimiter), columns };
    } else {
      report.file.format = 'parquet';
      const path = await source.path();
      let described: Cell[][];
      try {
        described = await engine.rows(`SELECT column_name::VARCHAR, column_type::VARCHAR FROM (DESCRIBE SELECT * FROM ${readParquetCall(path)})`);
      } catch (e) {
        return fatal({ kind: 'unreadable', detail: firstLine(e) });
      }
      const names = described.map((r) => String(r[0]));
      const hp = planHeader(names);
      Object.assign(report.file, { columns: hp.names, ignored: hp.ignored });
      if (hp.problems.length) { report.fatal.push(...hp.problems); return { ok: false, report }; }
      const columns: SourcePlan['columns'] = {};
      for (const [k, i] of Object.entries(hp.index)) columns[k as CaseColumn] = { expr: quoteIdent(names[i]!), ...sourceType(String(described[i]![1])) };
      plan = { from: readParquetCall(path), columns };
    }

    for (const s of setupStatements(prep)) await engine.exec(s);
    // DuckDB reports a fraction of the pass; rows read are estimated from the head's line length (CSV).
    const perLine = isCsv ? bytesPerLine(head) : null;
    const estimate = perLine ? source.size / perLine : null;
    let best = 0;
    const rows = await engine.rows(aggregateQuery(prep, plan), (fraction) => {
      if (fraction === null || fraction < best) return;
      best = fraction;
      onProgress?.({ phase: 'read', fraction, ...(estimate ? { rows: Math.round(fraction * estimate) } : {}) });
    });

    enter('aggregate');
    const aggregation = assembleAggregation(prep, rows);

    enter('report');
    await fillReport(engine, prep, plan, report, rows.filter((r) => int(r[0]!) === 2), isCsv && !opts.fromParquet);
    if (opts.fromParquet) { report.file.format = 'parquet'; delete report.file.encoding; delete report.file.delimiter; }
    enter(null);
    if (report.rows === 0) return fatal({ kind: 'empty' });
    onProgress?.({ phase: 'done', fraction: 1 });
    return { ok: true, aggregation, report };
  } catch (e) {
    return fatal({ kind: 'engine', detail: firstLine(e) });
  } finally {
    for (const s of cleanupStatements()) await engine.exec(s).catch(() => undefined);
    await source.release?.();
  }
}

/** Counts by mask come from the first pass; rejected rows' positions and cells from a second one. */
async function fillReport(engine: SqlEngine, p: PreparedSetup, plan: SourcePlan, report: CaseReport, maskRows: Cell[][], isCsv: boolean): Promise<void> {
  const masks = maskRows.map((r) => [int(r[2]!), int(r[3]!), big(r[5]!)] as const);
  const read = masks.reduce((n, [, k]) => n + k, 0);
  report.accepted = masks.find(([m]) => m === 0)?.[1] ?? 0;
  report.rejectedFundPayable = formatFen(masks.reduce((a, [m, , f]) => (m !== 0 ? a + f : a), 0n));

  let rejectLines: number[] = [];
  const problems: RowProblem[] = [];
  if (isCsv) {
    rejectLines = (await engine.rows(rejectLinesQuery())).map((r) => int(r[0]!));
    if (rejectLines.length) {
      const ex = await engine.rows(rejectExamplesQuery(p.examples));
      problems.push({
        kind: 'malformed', column: null, count: rejectLines.length,
        examples: ex.map((r) => ({ row: int(r[0]!), values: {}, reason: str(r[1]!) ?? '', line: cut(str(r[2]!)) ?? '' })),
      });
    }
  }
  report.rows = read + rejectLines.length;
  report.rejected = report.rows - report.accepted;

  if (read > report.accepted) {
    await engine.exec(rejectedStatement(p, plan));
    const examples = await engine.rows(maskExamplesQuery(p.examples));
    const rowOf = (pos: number) => (isCsv ? positionToLine(pos, rejectLines) : pos + 1);
    for (const b of PROBLEM_BITS) {
      const count = masks.reduce((n, [m, k]) => ((m & b.bit) !== 0 ? n + k : n), 0);
      if (count === 0) continue;
      const rows: ProblemRow[] = examples
        .filter((r) => (int(r[0]!) & b.bit) !== 0)
        .slice(0, p.examples)
        .map((r) => ({ row: rowOf(int(r[1]!)), values: Object.fromEntries(RAW_COLUMNS.map((c, i) => [c, cut(str(r[2 + i]!))])) }));
      const problem: RowProblem = { kind: b.kind, column: b.column, count, examples: rows };
      if (b.kind === 'unknownInstitution' || b.kind === 'unknownGroup') {
        const idx = b.kind === 'unknownInstitution' ? 1 : 2;
        problem.values = (await engine.rows(unknownValuesQuery(b.bit, idx))).map((r) => ({ value: cut(str(r[0]!)) ?? '', count: int(r[1]!) }));
      }
      problems.push(problem);
    }
  }
  report.problems = problems;
}


/** The first line of whatever was thrown (DuckDB-wasm may throw a string or an object without a message). */
function isWasmException(e: unknown): boolean {
  const W = (globalThis as { WebAssembly?: { Exception?: abstract new (...a: never[]) => unknown } }).WebAssembly;
  return !!W?.Exception && e instanceof W.Exception;
}

function firstLine(e: unknown): string {
  // A DOMException, an ErrorEvent or DuckDB's worker error may not be an Error here and
  // stringifies to "{}": read its name, message or type so the report says what failed.
  const o = e as { name?: unknown; message?: unknown; type?: unknown } | null;
  const named = o && typeof o === 'object' ? [o.name, o.message, o.type].filter((x) => typeof x === 'string' && x).join(': ') : '';
  const kind = o && typeof o === 'object' ? `${(o as object).constructor?.name ?? Object.prototype.toString.call(o)}${isWasmException(e) ?
    ' (WebAssembly exception: an uncaught C++ exception in the engine)' : ''}` : '';
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : named || kind || (JSON.stringify(e) ?? String(e));
  return String(text).split('\n')[0]!;
}
