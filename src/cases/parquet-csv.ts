/**
 * Parquet → CSV text, for the browser: DuckDB-wasm reads Parquet only through its parquet
 * extension, which it would fetch from the network, so the worker decodes Parquet with
 * hyparquet (pure JavaScript; zstd, gzip, brotli, lz4 through hyparquet-compressors) and hands
 * DuckDB the case columns as CSV — the same SQL then reads them as text.
 *
 * Values are written exactly: a DECIMAL(p, s) arrives from hyparquet as the double nearest to
 * unscaled / 10^s, and is written back as the decimal text of round(value × 10^s) — exact for
 * every unscaled value below 2^52; dates as YYYY-MM-DD, timestamps as YYYY-MM-DD HH:MM:SS.
 */
import { parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { planHeader } from './columns.ts';
import type { CaseColumn, FileProblem } from './types.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoTime = (d: Date) => `${isoDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/** The unscaled integer of a DECIMAL(·, scale) value as hyparquet gives it, as decimal text. */
export function decimalText(v: number, scale: number): string {
  const n = Math.round(v * 10 ** scale);
  if (!Number.isSafeInteger(n)) return String(v);
  if (scale === 0) return String(n);
  const a = String(Math.abs(n)).padStart(scale + 1, '0');
  return `${n < 0 ? '-' : ''}${a.slice(0, -scale)}.${a.slice(-scale)}`;
}

function csvCell(v: unknown, scale: number | null): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (typeof v === 'number') s = scale !== null ? decimalText(v, scale) : String(v);
  else if (typeof v === 'bigint') s = v.toString();
  else if (v instanceof Date) s = isoTime(v).endsWith(' 00:00:00') ? isoDate(v) : isoTime(v);
  else s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export type ParquetCsv =
  | { ok: true; csv: Uint8Array; headers: string[]; rows: number }
  | { ok: false; problems: FileProblem[] };

/** Decode the case columns of a Parquet file into CSV bytes (header first). */
export async function parquetToCsv(file: AsyncBuffer, onProgress?: (rowsDone: number, rows: number) => void): Promise<ParquetCsv> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (e) {
    return { ok: false, problems: [{ kind: 'unreadable', detail: (e as Error).message }] };
  }
  const leaves = metadata.schema.slice(1).filter((e) => !e.num_children);
  const names = leaves.map((e) => e.name);
  const plan = planHeader(names);
  if (plan.problems.length) return { ok: false, problems: plan.problems };
  const used = (Object.entries(plan.index) as [CaseColumn, number][]).sort((a, b) => a[1] - b[1]);
  const columns = used.map(([, i]) => names[i]!);
  const scales = used.map(([, i]) => (leaves[i]!.converted_type === 'DECIMAL' || leaves[i]!.logical_type?.type === 'DECIMAL' ? leaves[i]!.scale ?? 0 : null));
  const total = Number(metadata.num_rows);
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [enc.encode(columns.map((c) => csvCell(c, null)).join(',') + '\n')];
  let start = 0;
  try {
    for (const g of metadata.row_groups) {
      const end = start + Number(g.num_rows);
      let text = '';
      await parquetRead({
        file, metadata, columns, rowStart: start, rowEnd: end, compressors,
        parsers: { dateFromDays: (days: number) => isoDate(new Date(days * 86400000)) },
        onComplete: (rows: unknown[][]) => {
          const lines = new Array<string>(rows.length);
          for (let r = 0; r < rows.length; r++) {
            const row = rows[r]!;
            let line = csvCell(row[0], scales[0]!);
            for (let c = 1; c < row.length; c++) line += ',' + csvCell(row[c], scales[c]!);
            lines[r] = line;
          }
          text = lines.join('\n') + '\n';
        },
      });
      parts.push(enc.encode(text));
      start = end;
      onProgress?.(start, total);
    }
  } catch (e) {
    return { ok: false, problems: [{ kind: 'unreadable', detail: (e as Error).message }] };
  }
  const size = parts.reduce((n, p) => n + p.length, 0);
  const csv = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { csv.set(p, at); at += p.length; }
  return { ok: true, csv, headers: columns, rows: total };
}
