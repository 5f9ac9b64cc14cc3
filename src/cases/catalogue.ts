/**
 * Catalogue import (病种/病组目录) from .xlsx or .csv, with the repository's spreadsheet
 * readers (src/sheets/read.ts: exceljs, papaparse, GBK detection; src/sheets/cells.ts for
 * amounts). Columns: group code, name (optional), score (分值, ≤ 4 decimals, > 0), reference
 * cost (次均费用, yuan, > 0). Every bad row is reported (row, column, value, reason) and left
 * out; the first row of a duplicated code is kept, later ones are errors.
 */
import { readSheets, type Grid } from '../sheets/read.ts';
import { display, isBlank, numberToDecimal, parseAmount, type CellValue } from '../sheets/cells.ts';
import { normKey, type Bilingual } from '../sheets/vocab.ts';
import type { Lang } from '../display/lang.ts';
import { POINT_DP, parseScaled } from './decimal.ts';
import type { CatalogueGroup } from './types.ts';

export type CatalogueColumn = 'id' | 'name' | 'score' | 'refCost';

const DEFS: { key: CatalogueColumn; zh: string; en: string; required: boolean; aliases: string[] }[] = [
  { key: 'id', zh: '病组编码', en: 'group', required: true,
    aliases: ['病种编码', '病组代码', '病种代码', '分组编码', '病种分组编码', 'dip编码', 'drg编码', '编码', 'group code', 'group id', 'code', 'id'] },
  { key: 'name', zh: '病组名称', en: 'name', required: false,
    aliases: ['病种名称', '分组名称', '名称', 'dip名称', 'drg名称', 'group name'] },
  { key: 'score', zh: '分值', en: 'score', required: true,
    aliases: ['病种分值', '病组分值', '点数', '基准分值', '基准点数', '病种点数', 'points', 'score points'] },
  { key: 'refCost', zh: '次均费用', en: 'reference cost', required: true,
    aliases: ['病种次均费用', '病组次均费用', '均次费用', '参考费用', '基准费用', '次均住院费用', '平均费用', 'average cost', 'ref cost', 'refcost', 'cost per case'] },
];

const BRACKETED_UNIT = /[（(][^（）()]*[)）]\s*$/;
const KEY = new Map<string, CatalogueColumn>();
for (const d of DEFS) for (const a of [d.zh, d.en, ...d.aliases]) KEY.set(normKey(a), d.key);
const matchColumn = (h: string): CatalogueColumn | null => KEY.get(normKey(h.replace(BRACKETED_UNIT, ''))) ?? null;

export interface CatalogueError {
  row: number;
  column: CatalogueColumn | null;
  header: string | null;
  value: string;
  reason: Bilingual;
}

export interface CatalogueImport {
  ok: boolean;
  /** The valid rows, in file order. */
  groups: CatalogueGroup[];
  /** Data rows read (after the header). */
  rows: number;
  errors: CatalogueError[];
  /** Why nothing could be read (no header, missing columns, unreadable file). */
  fatal: Bilingual | null;
  sheet: string | null;
}

const R = {
  required: { zh: '必填，不能为空', en: 'required, must not be empty' },
  duplicate: (row: number) => ({ zh: `病组编码重复（与第 ${row} 行相同）`, en: `duplicate group code (same as row ${row})` }),
  notScore: { zh: '分值应为大于 0 的数，最多四位小数', en: 'a score must be a number > 0 with at most 4 decimals' },
  notPositiveCost: { zh: '次均费用必须大于 0', en: 'the reference cost must be greater than 0' },
} as const;

/** A score cell → "123.4567" style decimal string (≤ 4 decimals, > 0), or null. */
export function parseScore(v: CellValue): string | null {
  let s: string | null = null;
  if (typeof v === 'number' && Number.isFinite(v)) s = numberToDecimal(v);
  else if (typeof v === 'string') s = v.normalize('NFKC').replace(/[\s\u00a0,]/g, '');
  if (s === null || !/^\+?\d+(\.\d+)?$/.test(s)) return null;
  const units = parseScaled(s.replace(/^\+/, ''), POINT_DP);
  if (units === null || units <= 0n) return null;
  const int = units / 10000n;
  const frac = (units % 10000n).toString().padStart(4, '0').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : `${int}`;
}

const HEADER_SCAN = 30;

function findHeader(sheets: Grid[]): { sheet: Grid; at: number; cols: Map<CatalogueColumn, number>; headers: string[] } | null {
  for (const sheet of sheets) {
    for (let i = 0; i < Math.min(sheet.rows.length, HEADER_SCAN); i++) {
      const headers = sheet.rows[i]!.cells.map((c) => (typeof c === 'string' ? c.trim() : c === null ? '' : String(c)));
      const cols = new Map<CatalogueColumn, number>();
      headers.forEach((h, j) => { const k = matchColumn(h); if (k && !cols.has(k)) cols.set(k, j); });
      if (cols.has('id') && (cols.has('score') || cols.has('refCost'))) return { sheet, at: i, cols, headers };
    }
  }
  return null;
}

export async function importCatalogue(data: Uint8Array | ArrayBuffer, fileName: string): Promise<CatalogueImport> {
  const none = (fatal: Bilingual): CatalogueImport => ({ ok: false, groups: [], rows: 0, errors: [], fatal, sheet: null });
  const read = await readSheets(data, fileName);
  if (!read.ok) return none(read.reason);
  const found = findHeader(read.sheets);
  if (!found) return none({ zh: '找不到表头：需要「病组编码」「分值」「次均费用」列',
    en: 'no header found: the columns 病组编码 (group), 分值 (score) and 次均费用 (reference cost) are needed' });
  const missing = DEFS.filter((d) => d.required && !found.cols.has(d.key));
  if (missing.length) {
    return { ...none({ zh: `缺少必需的列：${missing.map((d) => d.zh).join('、')}`, en: `required columns missing: ${missing.map((d) => d.en).join(', ')}` }),
      sheet: found.sheet.name };
  }
  const col = (k: CatalogueColumn) => found.cols.get(k);
  const header = (k: CatalogueColumn) => found.headers[col(k)!] ?? null;
  const groups: CatalogueGroup[] = [];
  const errors: CatalogueError[] = [];
  const firstRow = new Map<string, number>();
  const rows = found.sheet.rows.slice(found.at + 1);
  for (const { row, cells } of rows) {
    const cell = (k: CatalogueColumn): CellValue => (col(k) === undefined ? null : cells[col(k)!] ?? null);
    const err = (k: CatalogueColumn, reason: Bilingual) => errors.push({ row, column: k, header: header(k), value: display(cell(k)), reason });
    const before = errors.length;
    const rawId = cell('id');
    const id = isBlank(rawId) ? null : display(rawId).trim();
    if (id === null) err('id', R.required);
    else if (firstRow.has(id)) err('id', R.duplicate(firstRow.get(id)!));
    const s = cell('score');
    const score = isBlank(s) ? null : parseScore(s);
    if (isBlank(s)) err('score', R.required);
    else if (score === null) err('score', R.notScore);
    const c = cell('refCost');
    let refCost: string | null = null;
    if (isBlank(c)) err('refCost', R.required);
    else {
      const a = parseAmount(c);
      if (!a.ok) err('refCost', a.reason);
      else if (a.value === '0.00') err('refCost', R.notPositiveCost);
      else refCost = a.value;
    }
    if (id !== null && !firstRow.has(id)) firstRow.set(id, row);
    if (errors.length > before) continue;
    const name = cell('name');
    groups.push({ id: id!, ...(isBlank(name) ? {} : { name: display(name).trim() }), score: score!, refCost: refCost! });
  }
  return { ok: true, groups, rows: rows.length, errors, fatal: null, sheet: found.sheet.name };
}

export function catalogueErrorMessage(lang: Lang, e: CatalogueError): string {
  const h = e.header ?? '';
  return lang === 'zh'
    ? `第 ${e.row} 行「${h}」${e.value ? `「${e.value}」` : ''}：${e.reason.zh}`
    : `row ${e.row}, ${h}${e.value ? ` "${e.value}"` : ''}: ${e.reason.en}`;
}
