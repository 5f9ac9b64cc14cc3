/** What the import needs from a DuckDB (in Node or in the browser) and from a file. */
import type { CsvEncoding } from './detect.ts';

/** A cell of a result row: queries cast every column to VARCHAR or INTEGER. */
export type Cell = string | number | null;

export interface SqlEngine {
  exec(sql: string): Promise<void>;
  /** Run a query; while it runs, report progress (0–1, rows processed) where the engine knows it. */
  rows(sql: string, onProgress?: (fraction: number | null, rows: number | null) => void): Promise<Cell[][]>;
}

export interface CaseSource {
  /** The file's name (its extension helps tell CSV from Parquet). */
  name: string;
  size: number;
  /** The first `n` bytes. */
  head(n: number): Promise<Uint8Array>;
  /** The path DuckDB reads the file by, in UTF-8 when `encoding` says it is not (the source transcodes). */
  path(encoding?: CsvEncoding): Promise<string>;
  /** Forget any temporary copy. */
  release?(): Promise<void>;
}
