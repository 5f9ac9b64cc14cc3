/**
 * What a file is, from its first and last bytes (magic numbers), not from its name alone, so a
 * spreadsheet given to 打开文件 goes to the import and a workspace file given to the import is
 * opened (issue 8). An .xlsx is a zip whose directory (at its end, names stored uncompressed)
 * lists xl/workbook.xml; other zips (.docx, plain .zip) are told apart the same way.
 */
export type FileKind = 'json' | 'xlsx' | 'csv' | 'parquet' | 'xls' | 'office' | 'zip' | 'pdf' | 'image' | 'text' | 'binary' | 'empty';

/** Bytes read from each end: enough for the magic number and a zip's central directory of a workbook. */
export const SNIFF_HEAD = 4096;
export const SNIFF_TAIL = 262_144;

const has = (b: Uint8Array, s: string): boolean => {
  const n = [...s].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + n.length <= b.length; i++) {
    for (let j = 0; j < n.length; j++) if (b[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
};
const starts = (b: Uint8Array, ...m: number[]): boolean => m.every((x, i) => b[i] === x);

/** `head`: the file's first bytes (SNIFF_HEAD); `tail`: its last bytes (SNIFF_TAIL; the same as head for a small file). */
export function sniffFile(head: Uint8Array, tail: Uint8Array, name: string): FileKind {
  if (head.length === 0) return 'empty';
  if (starts(head, 0x50, 0x4b, 0x03, 0x04) || starts(head, 0x50, 0x4b, 0x05, 0x06)) {
    if (has(tail, 'xl/workbook') || has(head, 'xl/workbook')) return 'xlsx';
    if (has(tail, 'word/') || has(tail, 'ppt/') || has(tail, 'content.xml')) return 'office';
    return 'zip';
  }
  if (starts(head, 0xd0, 0xcf, 0x11, 0xe0)) return 'xls';
  if (starts(head, 0x50, 0x41, 0x52, 0x31)) return 'parquet'; // PAR1: a case list (src/cases/detect.ts)
  if (starts(head, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(head, 0x89, 0x50, 0x4e, 0x47) || starts(head, 0xff, 0xd8, 0xff) || starts(head, 0x47, 0x49, 0x46, 0x38)) return 'image';
  if (head.includes(0)) return 'binary';
  let i = starts(head, 0xef, 0xbb, 0xbf) ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] === 0x7b || head[i] === 0x5b || /\.json$/i.test(name)) return 'json';
  const firstLine = new TextDecoder().decode(head.subarray(i, Math.min(head.length, i + 2048))).split(/\r?\n/)[0] ?? '';
  if (/\.(csv|txt|tsv)$/i.test(name) || /[,\t;]/.test(firstLine)) return 'csv';
  return 'text';
}
