/**
 * A month's claims from a spreadsheet (每月申报/审核数据): one row per institution, a column of
 * institution codes (机构编码 / id) and one of amounts (申报费用 / 审核后基金支付 / claims).
 * Cells are read by the same rules as the institutions' import (cells.ts); a bad cell is
 * reported by row and column, and the month is added only if every row is good (as-of.ts).
 */
import { readSheets } from './read.ts';
import { display, isBlank, parseAmount } from './cells.ts';

export interface MonthClaims {
  ok: boolean;
  claims: [string, string][];
  /** Raw case points of the month (点数, optional column): for institutions of a pool settled by points. */
  points: [string, string][];
  problems: { row: number; column: string; zh: string; en: string }[];
}

const ID_HEADERS = ['机构编码', '机构代码', 'id', 'code', 'institution code'];
const AMOUNT_HEADERS = ['申报费用', '月度申报', '审核后基金支付', '基金支付', 'claims', 'amount', '金额'];
const POINTS_HEADERS = ['点数', '病例点数', '总点数', 'points'];

/** Points as written: a non-negative number with at most 4 decimals ("1234.5678"), never rounded. */
function parsePointsCell(v: unknown): { ok: true; value: string } | { ok: false; zh: string; en: string } {
  const t = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.normalize('NFKC').trim().replace(/,/g, '') : '';
  if (!/^\d+(\.\d{1,4})?$/.test(t)) return { ok: false, zh: `点数须为不小于 0、至多 4 位小数的数：${String(v ?? '')}`,
    en: `points must be a number ≥ 0 with at most 4 decimals: ${String(v ?? '')}` };
  return { ok: true, value: t };
}

export async function readMonthClaims(data: Uint8Array | ArrayBuffer, fileName: string): Promise<MonthClaims> {
  const r = await readSheets(data, fileName);
  if (!r.ok) return { ok: false, claims: [], points: [], problems: [{ row: 0, column: '', ...r.reason }] };
  const sheet = r.sheets[0];
  const problems: MonthClaims['problems'] = [];
  if (!sheet || sheet.rows.length === 0) return { ok: false, claims: [], points: [],
    problems: [{ row: 0, column: '', zh: '表格是空的', en: 'the sheet is empty' }] };
  const head = sheet.rows[0]!.cells.map((c) => display(c).trim().toLowerCase());
  const idCol = head.findIndex((h) => ID_HEADERS.includes(h));
  const amountCol = head.findIndex((h) => AMOUNT_HEADERS.some((a) => h.startsWith(a)));
  if (idCol < 0 || amountCol < 0) {
    return { ok: false, claims: [], points: [], problems: [{ row: sheet.rows[0]!.row, column: '', zh: '第一行须有“机构编码”和“申报费用”两列',
      en: 'the first row must have the columns "id" and "claims"' }] };
  }
  const pointsCol = head.findIndex((h) => POINTS_HEADERS.some((a) => h.startsWith(a)));
  const seen = new Set<string>();
  const claims: [string, string][] = [];
  const points: [string, string][] = [];
  for (const { row, cells } of sheet.rows.slice(1)) {
    const idCell = cells[idCol] ?? null;
    if (isBlank(idCell)) { problems.push({ row, column: head[idCol]!, zh: '机构编码为空', en: 'the institution code is empty' }); continue; }
    const id = display(idCell).trim();
    if (seen.has(id)) { problems.push({ row, column: head[idCol]!, zh: `机构编码 ${id} 重复`, en: `institution ${id} appears twice` }); continue; }
    seen.add(id);
    const a = parseAmount(cells[amountCol] ?? null);
    if (!a.ok) { problems.push({ row, column: head[amountCol]!, ...a.reason }); continue; }
    claims.push([id, a.value]);
    const pc = pointsCol < 0 ? null : cells[pointsCol] ?? null;
    if (pc !== null && !isBlank(pc)) {
      const p = parsePointsCell(typeof pc === 'number' || typeof pc === 'string' ? pc : display(pc));
      if (!p.ok) { problems.push({ row, column: head[pointsCol]!, zh: p.zh, en: p.en }); continue; }
      points.push([id, p.value]);
    }
  }
  return { ok: problems.length === 0, claims, points, problems };
}
