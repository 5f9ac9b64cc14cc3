/**
 * Spreadsheet → hospitals, with a per-cell report. Nothing is applied here: the caller shows
 * the report and, if the user accepts, calls applyImport (apply.ts).
 */
import type { Hospital } from '../format/types.ts';
import { headerOf } from './columns.ts';
import { display, isBlank, parseCell, REASONS, type CellValue } from './cells.ts';
import { fileProblem, findHeader, planColumns, type Plan, type PlannedColumn } from './header.ts';
import { readSheets } from './read.ts';
import { cellMessage, cutCell, headerFor, MAX_ERRORS, type CellError, type ImportReport, type RowStatus, type SheetWarning } from './report.ts';
import { cleanText, toCode, type VocabField } from './vocab.ts';

export { applyImport, ImportRefused } from './apply.ts';
export type * from './report.ts';

export interface ImportOptions {
  /** How many history years the target scenario uses (its historyWeights' length). */
  historyYears?: number;
  /** Called as rows are checked (done, total); first with (0, total), last with (total, total). */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 1000;
const TOTAL_ROW = /^(合计|总计|小计|汇总|total|totals|sum|subtotal|grandtotal)$/i;

export async function importHospitals(data: Uint8Array | ArrayBuffer, fileName: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const report: ImportReport = {
    fileName, kind: null, encoding: null, sheet: null, headerRow: null, columns: [], historyYears: [],
    hospitals: [], rows: [], errors: [], errorCount: 0, warnings: [], totalRows: 0, validRows: 0, fileError: false,
  };
  const fail = (e: CellError): ImportReport => {
    report.errors.push(e);
    report.errorCount = report.errors.length;
    report.fileError = true;
    return report;
  };
  const read = await readSheets(data, fileName);
  if (!read.ok) return fail(fileProblem(fileName, null, null, null, read.reason));
  report.kind = read.kind;
  report.encoding = read.encoding ?? null;
  for (const n of read.notes) report.warnings.push({ kind: 'csv', sheet: read.sheets[0]?.name ?? fileName, row: null, column: null,
    message: { zh: n, en: n } });

  const found = findHeader(read.sheets);
  if (!found) {
    return fail(fileProblem(read.sheets[0]?.name ?? fileName, null, null, null, {
      zh: '找不到表头行：任何工作表的前 30 行中都没有同时包含「机构编码」和其他至少两个已知列名（如「机构名称」「级别」「2024年基金支出」）的行',
      en: 'no header row found: no row in the first 30 of any sheet names "Institution code" and at least two other known columns (like "Name", "Level", '
        + '"History 2024")',
    }));
  }
  report.sheet = found.sheet.name;
  report.headerRow = found.sheet.rows[found.at]!.row;
  const plan = planColumns(found, opts.historyYears, report.errors, report.warnings);
  const dataRows = found.sheet.rows.slice(found.at + 1);
  report.totalRows = dataRows.length;
  if (!plan) {
    report.errorCount = report.errors.length;
    report.fileError = true;
    return report;
  }
  report.columns = plan.columns.map((c) => ({ column: c.letter, header: c.header, field: c.key, index: c.index, name: c.name, scale: c.scale }));
  report.historyYears = plan.history.map((c) => (c.byYear ? c.index! : null));

  const parsed: { row: number; hospital: Hospital | null; status: RowStatus }[] = [];
  const total = dataRows.length;
  opts.onProgress?.(0, total);
  let errorCount = 0;
  const push = (e: CellError) => {
    errorCount++;
    if (report.errors.length < MAX_ERRORS) report.errors.push(e);
  };
  dataRows.forEach((r, i) => {
    const out = readRow(plan, r.row, r.cells, push, report.warnings);
    if (out) parsed.push(out);
    if ((i + 1) % PROGRESS_EVERY === 0) opts.onProgress?.(i + 1, total);
  });
  report.totalRows = parsed.length;
  errorCount += refuseDuplicates(plan, parsed, push);
  report.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  report.rows = parsed.map((p) => p.status);
  report.hospitals = parsed.filter((p) => p.status.state === 'valid').map((p) => p.hospital!);
  report.validRows = report.hospitals.length;
  report.errorCount = errorCount;
  if (errorCount > report.errors.length) {
    report.warnings.push({ kind: 'truncated', sheet: plan.sheet.name, row: null, column: null, message: {
      zh: `共 ${errorCount} 个错误，只列出前 ${report.errors.length} 个`, en: `${errorCount} errors in all; only the first ${report.errors.length} are listed`,
    } });
  }
  opts.onProgress?.(total, total);
  return report;
}

type Push = (e: CellError) => void;

/** One data row → a hospital (or null when it has errors), with its status. */
function readRow(plan: Plan, row: number, cells: CellValue[], push: Push,
  warnings: SheetWarning[]): { row: number; hospital: Hospital | null; status: RowStatus } | null {
  const cellOf = (c: PlannedColumn): CellValue => cells[c.col] ?? null;
  if (plan.columns.every((c) => isBlank(cellOf(c)))) return null; // only unmapped cells: not data
  const idCol = plan.columns.find((c) => c.key === 'id')!;
  const nameCol = plan.columns.find((c) => c.key === 'name')!;
  if (isBlank(cellOf(idCol)) && [cellOf(idCol), cellOf(nameCol)].some((v) => typeof v === 'string' && TOTAL_ROW.test(cleanText(v).replace(/\s/g, '')))) {
    warnings.push({ kind: 'total-row', sheet: plan.sheet.name, row, column: null, message: { zh: `第 ${row} 行是合计行，已跳过`,
      en: `row ${row} is a totals row, skipped` } });
    return { row, hospital: null, status: { row, id: null, state: 'skipped', errors: 0 } };
  }
  const found: { col: number; e: CellError }[] = [];
  const bad = (c: PlannedColumn, reason: { zh: string; en: string }, v: CellValue) => {
    const header = headerFor(c.header, headerOf(c, 'zh'), headerOf(c, 'en'));
    found.push({ col: c.col, e: { sheet: plan.sheet.name, row, column: c.letter, header: c.header, field: c.key, value: cutCell(display(v)), reason,
      message: cellMessage(row, header, reason) } });
  };
  const get = <T extends string | number | boolean>(c: PlannedColumn, required: boolean): T | undefined => {
    const v = cellOf(c);
    if (isBlank(v)) {
      if (required) bad(c, REASONS.required.reason, v);
      return undefined;
    }
    const p = parseCell(c.type, v, c.scale);
    if (!p.ok) {
      bad(c, p.reason, v);
      return undefined;
    }
    return p.value as T;
  };

  const h: Partial<Hospital> & Record<string, unknown> = {};
  const vocab = (c: PlannedColumn, field: VocabField) => {
    const v = get<string>(c, true);
    return v === undefined ? undefined : toCode(field, v);
  };
  const history: string[] = [];
  const claims: (string | undefined)[] = [];
  const claimCells = plan.claims ?? [];
  const claimsGiven = claimCells.some((c) => !isBlank(cellOf(c)));
  const indicators: Record<string, number> = {};
  const fields: Record<string, number> = {};
  for (const c of plan.columns) {
    switch (c.key) {
      case 'id': h.id = get<string>(c, true); break;
      case 'name': h.name = get<string>(c, true); break;
      case 'level': case 'category': case 'class': h[c.key] = vocab(c, c.key); break;
      case 'history': break;
      case 'claims': break;
      case 'indicator': { const v = get<number>(c, false); if (v !== undefined) indicators[c.name!] = v; break; }
      case 'field': { const v = get<number>(c, false); if (v !== undefined) fields[c.name!] = v; break; }
      default: { const v = get(c, false); if (v !== undefined) (h as Record<string, unknown>)[c.key] = v; }
    }
  }
  for (const c of plan.history) history.push(get<string>(c, true) ?? '');
  if (claimsGiven) for (const c of claimCells) claims.push(get<string>(c, true));

  const id = typeof h.id === 'string' ? h.id : null;
  const errors = found.length;
  found.sort((a, b) => a.col - b.col).forEach((f) => push(f.e));
  if (errors > 0) return { row, hospital: null, status: { row, id, state: 'invalid', errors } };
  const hospital: Hospital = {
    id: h.id!, name: h.name!, level: h.level!, category: h.category!, class: h.class!, history,
  };
  if (h.lockedTarget !== undefined) hospital.lockedTarget = h.lockedTarget;
  if (h.growth !== undefined) hospital.growth = h.growth;
  if (h.volume !== undefined) hospital.volume = h.volume;
  if (h.volumeFloor !== undefined) hospital.volumeFloor = h.volumeFloor;
  if (claimsGiven) hospital.claims = claims as string[];
  if (h.deductions !== undefined) hospital.deductions = h.deductions;
  if (h.score !== undefined) hospital.score = h.score;
  if (Object.keys(indicators).length) hospital.indicators = indicators;
  if (Object.keys(fields).length) hospital.fields = fields;
  if (h.advanceEligible !== undefined) hospital.advanceEligible = h.advanceEligible;
  return { row, hospital, status: { row, id, state: 'valid', errors: 0 } };
}

/**
 * A repeated code is an error on every row that carries it, naming all its rows: neither row is
 * preferred (a later row is as likely the mistake as an earlier one), so none of them is offered.
 * Returns the number of errors added.
 */
function refuseDuplicates(plan: Plan, parsed: { row: number; hospital: Hospital | null; status: RowStatus }[], push: Push): number {
  const byId = new Map<string, { row: number; hospital: Hospital | null; status: RowStatus }[]>();
  for (const p of parsed) {
    if (p.status.id === null || p.status.state === 'skipped') continue;
    const list = byId.get(p.status.id);
    if (list) list.push(p);
    else byId.set(p.status.id, [p]);
  }
  const idCol = plan.columns.find((c) => c.key === 'id')!;
  const header = headerFor(idCol.header, headerOf(idCol, 'zh'), headerOf(idCol, 'en'));
  let added = 0;
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    const rows = list.map((p) => p.row);
    const reason = {
      zh: `机构编码「${cutCell(id)}」重复：第 ${rows.join('、')} 行都是这个编码；每家机构只能有一行，请删去或改正其中一行`,
      en: `institution code "${cutCell(id)}" is repeated: rows ${rows.join(', ')} all carry it; each institution has one row — delete or correct all but one`,
    };
    for (const p of list) {
      push({ sheet: plan.sheet.name, row: p.row, column: idCol.letter, header: idCol.header, field: 'id', value: cutCell(id), reason,
        message: cellMessage(p.row, header, reason) });
      p.hospital = null;
      p.status = { ...p.status, state: 'invalid', errors: p.status.errors + 1 };
      added++;
    }
  }
  return added;
}
