/**
 * Finding the header row (the first row, within the first 30 of a sheet, that names the
 * institution code and at least two other known columns — so merged title rows above it are
 * skipped) and turning it into a column plan, with file-level problems and warnings.
 */
import { columnLetter, FIXED_COLUMNS, headerOf, matchHeader, type ColumnMatch } from './columns.ts';
import { cleanText } from './vocab.ts';
import type { Grid } from './read.ts';
import type { CellError, SheetWarning } from './report.ts';
import type { Bilingual } from './vocab.ts';

export const HEADER_SCAN_ROWS = 30;

export interface PlannedColumn extends ColumnMatch {
  /** 0-based index into the row's cells. */
  col: number;
  letter: string;
  header: string;
}

export interface Plan {
  sheet: Grid;
  headerRow: number;
  /** Index into sheet.rows of the first data row. */
  firstData: number;
  columns: PlannedColumn[];
  history: PlannedColumn[];
  claims: PlannedColumn[] | null;
}

/** The keys a header needs for its rows to be importable at all: every required column and a history column. */
const COMPLETE: readonly string[] = [...FIXED_COLUMNS.filter((c) => c.required).map((c) => c.key), 'history'];

/**
 * The header row of the first sheet whose header has every required column; else of the first
 * sheet that has a header at all (its problems are then reported). So a workbook whose first
 * sheet lists institutions without their data (the results workbook's 机构结果, ahead of its
 * 机构数据 sheet in the import layout) imports from the sheet that has the data.
 */
export function findHeader(sheets: Grid[]): { sheet: Grid; at: number; matches: (ColumnMatch | null)[] } | null {
  let first: { sheet: Grid; at: number; matches: (ColumnMatch | null)[] } | null = null;
  for (const sheet of sheets) {
    const limit = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
    for (let i = 0; i < limit; i++) {
      const cells = sheet.rows[i]!.cells;
      const matches = cells.map((c) => (typeof c === 'string' ? matchHeader(c) : null));
      const keys = new Set(matches.filter((m) => m !== null).map((m) => m!.key));
      if (!keys.has('id') || keys.size < 3) continue;
      if (COMPLETE.every((k) => keys.has(k as ColumnMatch['key']))) return { sheet, at: i, matches };
      first ??= { sheet, at: i, matches };
      break;
    }
  }
  return first;
}

const KNOWN = {
  zh: '「机构编码」和至少两个其他已知列名（如「机构名称」「级别」「2024年基金支出」）',
  en: '"Institution code" and at least two other known columns (like "Name", "Level", "History 2024")',
};

/**
 * Why `findHeader` found no header row, saying which rows were searched: none of them names the
 * institution code, or the first that does names too few other known columns.
 */
export function noHeaderReason(sheets: readonly Grid[]): Bilingual {
  const scanned = sheets.map((s) => s.rows.slice(0, HEADER_SCAN_ROWS));
  if (scanned.every((rows) => rows.length === 0)) {
    return { zh: '未找到表头行：表格中没有任何内容', en: 'no header row found: the spreadsheet is empty' };
  }
  for (const [k, rows] of scanned.entries()) {
    for (const r of rows) {
      const keys = new Set(r.cells.map((c) => (typeof c === 'string' ? matchHeader(c)?.key : undefined)).filter((x) => x !== undefined));
      if (!keys.has('id')) continue;
      const sheet = sheets.length > 1 ? { zh: `工作表「${sheets[k]!.name}」`, en: `sheet "${sheets[k]!.name}", ` } : { zh: '', en: '' };
      return {
        zh: `未找到表头行：${sheet.zh}第 ${r.row} 行有「机构编码」，但只认出 ${keys.size} 个已知列名；表头须含${KNOWN.zh}`,
        en: `no header row found: ${sheet.en}row ${r.row} names "Institution code" but only ${keys.size} known column${keys.size === 1 ? '' : 's'}; `
          + `the header names ${KNOWN.en}`,
      };
    }
  }
  if (sheets.length === 1) {
    const rows = scanned[0]!;
    const span = `${rows[0]!.row}–${rows[rows.length - 1]!.row}`;
    return {
      zh: `未找到表头行：第 ${span} 行中没有「机构编码」列；表头须含${KNOWN.zh}`,
      en: `no header row found: rows ${span} have no "Institution code" column; the header names ${KNOWN.en}`,
    };
  }
  return {
    zh: `未找到表头行：${sheets.length} 个工作表的前 ${HEADER_SCAN_ROWS} 行中都没有「机构编码」列；表头须含${KNOWN.zh}`,
    en: `no header row found: none of the ${sheets.length} sheets has an "Institution code" column in its first ${HEADER_SCAN_ROWS} rows; `
      + `the header names ${KNOWN.en}`,
  };
}

export function fileProblem(sheet: string, row: number | null, column: string | null, header: string | null, reason: Bilingual): CellError {
  return { sheet, row, column, header, field: null, reason, message: reason };
}

/** Build the plan; file-level errors stop the import, warnings do not. */
export function planColumns(
  found: { sheet: Grid; at: number; matches: (ColumnMatch | null)[] },
  historyYears: number | undefined,
  errors: CellError[],
  warnings: SheetWarning[],
): Plan | null {
  const { sheet, at, matches } = found;
  const headerRow = sheet.rows[at]!.row;
  const headerCells = sheet.rows[at]!.cells;
  const columns: PlannedColumn[] = [];
  const seen = new Map<string, PlannedColumn>();
  const problem = (column: string | null, header: string | null, zh: string, en: string) =>
    errors.push(fileProblem(sheet.name, headerRow, column, header, { zh: `表头第 ${headerRow} 行: ${zh}`, en: `header row ${headerRow}: ${en}` }));

  headerCells.forEach((cell, col) => {
    const text = cell === null ? '' : cleanText(String(cell instanceof Date ? cell.toISOString() : typeof cell === 'object' ? '' : cell));
    const m = matches[col] ?? null;
    const letter = columnLetter(col + 1);
    if (!m) {
      if (text) warnings.push({ kind: 'unknown-column', sheet: sheet.name, row: headerRow, column: letter, message: { zh: `未识别的列「${text}」（${letter} 列），已忽略`,
        en: `unknown column "${text}" (column ${letter}), ignored` } });
      return;
    }
    const planned: PlannedColumn = { ...m, col, letter, header: text };
    const sig = `${m.key}|${m.index ?? ''}|${m.name ?? ''}`;
    const prev = seen.get(sig);
    if (prev) {
      problem(letter, text, `「${text}」与 ${prev.letter} 列「${prev.header}」是同一列`, `"${text}" is the same column as "${prev.header}" (column ${prev.letter})`);
      return;
    }
    seen.set(sig, planned);
    columns.push(planned);
  });

  for (const def of FIXED_COLUMNS) {
    if (def.required && !columns.some((c) => c.key === def.key)) problem(null, null, `缺少必填列「${def.zh}」`, `the required column "${def.en}" is missing`);
  }
  let history = columns.filter((c) => c.key === 'history');
  if (history.length === 0) problem(null, null, '缺少历史支出列（如「2024年基金支出」或「历史支出1」）', 'no history columns (like "History 2024" or "History 1")');
  if (history.some((c) => c.byYear) && history.some((c) => !c.byYear)) {
    problem(null, null, '历史支出列不能混用年份（2024年基金支出）和序号（历史支出1）', 'history columns must be all by year ("History 2024") or all numbered ("History 1"), not mixed');
  }
  history.sort((a, b) => a.index! - b.index!);
  if (historyYears !== undefined && history.length > 0) {
    if (history.length < historyYears) {
      problem(null, null, `方案需要 ${historyYears} 年历史支出，文件只有 ${history.length} 列`,
        `the scenario needs ${historyYears} years of history; the file has ${history.length} history columns`);
    } else if (history.length > historyYears) {
      const dropped = history.slice(0, history.length - historyYears);
      history = history.slice(history.length - historyYears);
      warnings.push({ kind: 'extra-history', sheet: sheet.name, row: headerRow, column: null, message: {
        zh: `文件有 ${history.length + dropped.length} 年历史支出，方案使用最近 ${historyYears} 年；已忽略 ${dropped.map((c) => `「${c.header}」`).join('')}`,
        en: `the file has ${history.length + dropped.length} history columns; the scenario uses the latest ${historyYears}; ignored ${dropped.map((c) =>
          `"${c.header}"`).join(', ')}`,
      } });
    }
  }
  const claimCols = columns.filter((c) => c.key === 'claims').sort((a, b) => a.index! - b.index!);
  if (claimCols.length > 0 && claimCols.length < 12) {
    const missing = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !claimCols.some((c) => c.index === m));
    problem(null, null, `月度申报需要 12 个月的列，缺少 ${missing.map((m) => headerOf({ key: 'claims', index: m }, 'zh')).join('、')}`,
      `monthly claims need all 12 month columns; missing ${missing.map((m) => headerOf({ key: 'claims', index: m }, 'en')).join(', ')}`);
  }
  if (errors.length) return null;
  return { sheet, headerRow, firstData: at + 1, columns, history, claims: claimCols.length === 12 ? claimCols : null };
}
