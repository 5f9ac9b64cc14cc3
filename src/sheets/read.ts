/**
 * Bytes → sheets of cell values, for .xlsx (exceljs, in memory: works in Node and browsers)
 * and .csv (papaparse; UTF-8 with or without BOM, UTF-16 with BOM, else GBK as Chinese Excel
 * writes it). Rows keep their spreadsheet row numbers; cells are 0-based by column.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { FORMULA_WITHOUT_RESULT, type CellValue } from './cells.ts';
import { MAX_SHEET_ROWS, checkInflated } from './zip-bounds.ts';
import type { Bilingual } from './vocab.ts';

export interface Grid {
  name: string;
  /** Non-empty rows in order; `row` is the spreadsheet row number (1-based). */
  rows: { row: number; cells: CellValue[] }[];
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

export type ReadResult =
  | { ok: true; kind: 'xlsx' | 'csv'; encoding?: Encoding; sheets: Grid[]; notes: Bilingual[] }
  | { ok: false; reason: { zh: string; en: string } };

export function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** `maxRows`: most rows of data a worksheet may have (zip-bounds.ts; tests give a smaller one). */
export async function readSheets(data: Uint8Array | ArrayBuffer, fileName: string, maxRows = MAX_SHEET_ROWS): Promise<ReadResult> {
  const bytes = toBytes(data);
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isOle || ext === 'xls' || ext === 'et') {
    return { ok: false,
      reason: { zh: '不支持旧版 .xls 文件，请在表格程序中另存为 .xlsx 或 .csv', en: 'old .xls files are not supported; save it as .xlsx or .csv in the spreadsheet program' } };
  }
  if (isZip || ext === 'xlsx' || ext === 'xlsm') {
    if (!isZip) return { ok: false, reason: { zh: '不是有效的 .xlsx 文件', en: 'not a valid .xlsx file' } };
    return readXlsx(bytes, maxRows);
  }
  return readCsv(bytes, fileName);
}

/** Most bytes of CSV text read (a string that long is near what a browser can hold at all). */
export const MAX_CSV_BYTES = 200 * 1024 * 1024;
const cutText = (s: string): string => (s.length > 300 ? `${s.slice(0, 299)}…` : s);

async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<ReadResult> {
  // Bounded before exceljs unpacks anything (zip-bounds.ts): the sizes the directory declares, then the
  // bytes every part really inflates to and the worksheets' rows, counted as they stream by.
  const inflated = await checkInflated(bytes, maxRows);
  if (!inflated.ok) return { ok: false, reason: inflated.reason };
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs accepts an ArrayBuffer in both Node and the browser.
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await wb.xlsx.load(ab);
  } catch (e) {
    const why = cutText(String((e as Error)?.message ?? e));
    return { ok: false, reason: { zh: `无法读取 .xlsx 文件（${why}）`, en: `cannot read the .xlsx file (${why})` } };
  }
  const sheets: Grid[] = [];
  wb.eachSheet((ws) => {
    const rows: Grid['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as unknown[];
      const cells: CellValue[] = [];
      for (let c = 1; c < values.length; c++) cells.push(unwrap(values[c]));
      rows.push({ row: rowNumber, cells });
    });
    sheets.push({ name: ws.name, rows });
  });
  return { ok: true, kind: 'xlsx', sheets, notes: [] };
}

/** exceljs cell values (formulas, rich text, hyperlinks, errors) → plain values. */
export function unwrap(v: unknown): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o && typeof o.error === 'string') return { error: o.error };
    if ('formula' in o || 'sharedFormula' in o) {
      return o.result === undefined ? { error: FORMULA_WITHOUT_RESULT } : unwrap(o.result);
    }
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('text' in o) return unwrap(o.text);
  }
  return String(v);
}

/** Decode CSV bytes: BOM first, then strict UTF-8, else GBK. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

function readCsv(bytes: Uint8Array, fileName: string): ReadResult {
  if (bytes.length > MAX_CSV_BYTES) {
    const mb = Math.round(bytes.length / 1024 / 1024);
    return { ok: false, reason: {
      zh: `CSV 文件有 ${mb} MB，超过本工具可读取的 ${MAX_CSV_BYTES / 1024 / 1024} MB；请删去不需要的行或列后再导入`,
      en: `the CSV file is ${mb} MB, above the ${MAX_CSV_BYTES / 1024 / 1024} MB this tool can read; delete rows or columns not needed and import again`,
    } };
  }
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  const rows: Grid['rows'] = [];
  parsed.data.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 1, cells: cells.map((c) => (c === '' ? null : c)) });
  });
  const notes = parsed.errors.slice(0, 20).map(csvNote);
  const name = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'CSV';
  return { ok: true, kind: 'csv', encoding, sheets: [{ name, rows }], notes };
}

/** What the CSV reader noticed, in both languages (papaparse's own text for a code not listed). */
const CSV_NOTES: Record<string, Bilingual> = {
  UndetectableDelimiter: { zh: '无法判断分隔符，已按逗号（,）拆分各列', en: 'the delimiter could not be told; columns were split at commas (,)' },
  TooFewFields: { zh: '此行的列数少于表头', en: 'this row has fewer columns than the header' },
  TooManyFields: { zh: '此行的列数多于表头', en: 'this row has more columns than the header' },
  MissingQuotes: { zh: '引号未闭合（"）', en: 'a quoted cell is not closed (")' },
  InvalidQuotes: { zh: '引号位置不正确（"）', en: 'a quote (") is misplaced' },
};

function csvNote(e: { code?: string; message: string; row?: number }): Bilingual {
  const n = (e.code && CSV_NOTES[e.code]) || { zh: e.message, en: e.message };
  const row = e.row === undefined ? null : e.row + 1;
  return { zh: `CSV${row === null ? '' : ` 第 ${row} 行`}：${n.zh}`, en: `CSV${row === null ? '' : `, row ${row}`}: ${n.en}` };
}
