/**
 * What an import reports: the valid hospitals, every row's status, every bad cell with its
 * sheet, row, column and reason in both languages, and warnings. Plain data (structured-clone
 * safe), so it crosses the worker boundary as is.
 */
import type { Hospital } from '../format/types.ts';
import type { Bilingual } from './vocab.ts';
import type { Lang } from '../display/lang.ts';

export interface CellError {
  sheet: string;
  /** Spreadsheet row number (1-based); null for a problem with the whole file. */
  row: number | null;
  /** Column letter ("F"); null when the problem is not one column's. */
  column: string | null;
  /** The header as written in the file. */
  header: string | null;
  /** Catalogue key of the column ("history", "claims", "name", …). */
  field: string | null;
  /** The cell's content as shown, when there is one. */
  value?: string;
  reason: Bilingual;
  /** `第 14 行「2024年支出」（H003 某医院）: 不是金额` / `row 14 "History 2024" (H003 某医院): not an amount`. */
  message: Bilingual;
}

export type WarningKind = 'unknown-column' | 'duplicate-id' | 'total-row' | 'extra-history' | 'csv' | 'truncated';

export interface SheetWarning {
  kind: WarningKind;
  sheet: string;
  row: number | null;
  column: string | null;
  message: Bilingual;
}

export type RowState = 'valid' | 'invalid' | 'superseded' | 'skipped';

export interface RowStatus {
  /** Spreadsheet row number. */
  row: number;
  id: string | null;
  state: RowState;
  /** Number of bad cells in the row. */
  errors: number;
}

export interface MappedColumn {
  column: string;
  header: string;
  /** Catalogue key; history/claims carry their year/ordinal/month in `index`. */
  field: string;
  index?: number;
  name?: string;
  /** 10000 when the header says 万元. */
  scale: 1 | 10000;
}

export interface ImportReport {
  fileName: string;
  kind: 'xlsx' | 'csv' | null;
  encoding: string | null;
  /** The sheet read (the first with a recognisable header row). */
  sheet: string | null;
  headerRow: number | null;
  columns: MappedColumn[];
  /** History columns in order, oldest first: years (2022, …) or null when numbered generically. */
  historyYears: (number | null)[];
  /** Valid rows as hospitals, in file order (rows of a repeated code are errors, never offered). */
  hospitals: Hospital[];
  rows: RowStatus[];
  /** Bad cells and file problems (capped at MAX_ERRORS; see errorCount). */
  errors: CellError[];
  /** All errors found, including those beyond the cap. */
  errorCount: number;
  warnings: SheetWarning[];
  /** Data rows read (non-empty rows below the header). */
  totalRows: number;
  validRows: number;
  /** True when a problem with the whole file (no header, missing column) stopped the import. */
  fileError: boolean;
}

export const MAX_ERRORS = 5000;

/** Longest cell content a message repeats: a 10 MB cell is named, not echoed. */
export const MAX_ECHO = 80;
export const cutCell = (s: string): string => (s.length > MAX_ECHO ? `${s.slice(0, MAX_ECHO - 1)}…（${s.length}）` : s);

/** The header as named in a message: the file's own when in that language, else ours. */
export function headerFor(fileHeader: string, zh: string, en: string): Bilingual {
  const cjk = /[\u3400-\u9fff]/.test(fileHeader);
  const own = cutCell(fileHeader);
  return { zh: cjk ? own : zh, en: cjk ? en : own };
}

/** A bad cell's message; `who` ("H003 某医院", as the row gives them) names the institution when the row has a code. */
export function cellMessage(row: number, header: Bilingual, reason: Bilingual, who = ''): Bilingual {
  const zhWho = who ? `（${who}）` : '';
  const enWho = who ? ` (${who})` : '';
  return { zh: `第 ${row} 行「${header.zh}」${zhWho}: ${reason.zh}`, en: `row ${row} "${header.en}"${enWho}: ${reason.en}` };
}

/** One line for a terminal or a list: `Sheet1!F14 第 14 行「2024年支出」: 不是金额（"abc"）`. */
export function formatCellError(e: CellError, lang: Lang): string {
  const where = e.row !== null ? `${e.sheet}!${e.column ?? ''}${e.row}` : e.sheet;
  const value = e.value !== undefined && e.value !== '' ? (lang === 'zh' ? `（“${e.value}”）` : ` ("${e.value}")`) : '';
  return `${where} ${e.message[lang]}${value}`;
}
