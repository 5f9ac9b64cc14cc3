/**
 * What kind of file a case list is, from its first bytes: Parquet by its magic number (PAR1),
 * else CSV — its encoding (BOM, else strict UTF-8, else GBK as Chinese Excel and many
 * settlement systems write it), its delimiter and its header row.
 */
import Papa from 'papaparse';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

export type Detected =
  | { format: 'parquet' }
  | { format: 'csv'; encoding: CsvEncoding; delimiter: string; headers: string[] }
  | { format: 'unreadable'; reason: string }
  | { format: 'empty' };

const isParquetMagic = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31;

/** Decode the head of a file; the last (possibly cut) line is dropped unless it is the whole file. */
function decodeHead(head: Uint8Array, whole: boolean): { text: string; encoding: CsvEncoding } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(head.subarray(3)), encoding: 'utf-8' };
  if (head[0] === 0xff && head[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(head.subarray(2)), encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(head.subarray(2)), encoding: 'utf-16be' };
  // A cut multi-byte character at the end would fail strict UTF-8: check up to the last newline.
  let end = head.length;
  if (!whole) { const nl = head.lastIndexOf(0x0a); if (nl > 0) end = nl + 1; }
  const body = head.subarray(0, end);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(body), encoding: 'gbk' };
  }
}

const DELIMITERS = [',', '\t', ';', '|'];

/** The delimiter the header line uses most, outside quotes. */
function guessDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let n = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) n++;
    }
    if (n > bestCount) { best = d; bestCount = n; }
  }
  return best;
}

/** Inspect the head of a file (its first bytes; `whole` when that is the entire file). */
export function detect(head: Uint8Array, fileName: string, whole: boolean): Detected {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (isParquetMagic(head)) return { format: 'parquet' };
  if (ext === 'parquet' || ext === 'parq') return { format: 'unreadable', reason: 'not a Parquet file (no PAR1 magic number)' };
  if (head[0] === 0x50 && head[1] === 0x4b) return { format: 'unreadable', reason: 'a workbook (.xlsx): save the case list as CSV or Parquet' };
  if (head.length === 0) return { format: 'empty' };
  const { text, encoding } = decodeHead(head, whole);
  const nl = text.indexOf('\n');
  if (nl < 0 && !whole) return { format: 'unreadable', reason: 'no line break in the first MB: not a CSV file' };
  const line = (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
  if (line.trim() === '') return { format: 'empty' };
  const delimiter = guessDelimiter(line);
  const parsed = Papa.parse<string[]>(line, { delimiter, skipEmptyLines: false });
  const headers = (parsed.data[0] ?? []).map((h) => h.trim());
  return { format: 'csv', encoding, delimiter, headers };
}

export const HEAD_BYTES = 1 << 20;
