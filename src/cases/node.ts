/**
 * Case import in Node: DuckDB through @duckdb/node-api (native, all cores), reading the file
 * where it lies. A CSV that is not UTF-8 (GBK, UTF-16) is transcoded to a temporary UTF-8 copy
 * first: DuckDB's reader knows UTF-8 only.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { CsvEncoding } from './detect.ts';
import type { Cell, CaseSource, SqlEngine } from './engine.ts';
import { importCases } from './import.ts';
import type { CaseImportResult, CaseProgress, CaseSetup } from './types.ts';

const PROGRESS_MS = 100;

export class NodeDuckDB implements SqlEngine {
  private constructor(private readonly instance: DuckDBInstance, private readonly conn: DuckDBConnection) {}

  static async open(opts: { threads?: number } = {}): Promise<NodeDuckDB> {
    const config: Record<string, string> = {
      // Local files only: never fetch an extension from the network.
      autoinstall_known_extensions: 'false', autoload_known_extensions: 'false',
    };
    if (opts.threads) config.threads = String(opts.threads);
    const instance = await DuckDBInstance.create(':memory:', config);
    const conn = await instance.connect();
    // Progress of a running query is read from another thread while it runs.
    await conn.run('SET enable_progress_bar = true');
    await conn.run('SET enable_progress_bar_print = false');
    await conn.run('SET progress_bar_time = 0');
    return new NodeDuckDB(instance, conn);
  }

  async exec(sql: string): Promise<void> {
    await this.conn.run(sql);
  }

  async rows(sql: string, onProgress?: (fraction: number | null, rows: number | null) => void): Promise<Cell[][]> {
    const timer = onProgress ? setInterval(() => {
      const p = this.conn.progress;
      if (p.percentage >= 0) onProgress(p.percentage / 100, null);
    }, PROGRESS_MS) : null;
    try {
      const r = await this.conn.runAndReadAll(sql);
      return r.getRowsJS().map((row) => row.map((v) => (v === null || typeof v === 'string' || typeof v === 'number' ? v : String(v))));
    } finally {
      if (timer) clearInterval(timer);
    }
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

/** A file on disk as a case source. */
export async function fileSource(file: string): Promise<CaseSource> {
  const abs = resolve(file);
  const { size } = await stat(abs);
  let tmp: string | null = null;
  return {
    name: basename(abs),
    size,
    async head(n) {
      const fh = await open(abs, 'r');
      try {
        const buf = Buffer.alloc(Math.min(n, size));
        const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
        return new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
      } finally {
        await fh.close();
      }
    },
    async path(encoding?: CsvEncoding) {
      if (!encoding || encoding === 'utf-8') return abs;
      tmp = await mkdtemp(join(tmpdir(), 'gbsim-cases-'));
      const out = join(tmp, 'utf8.csv');
      const decoder = new TextDecoder(encoding);
      const skip = encoding === 'gbk' ? 0 : 2; // the UTF-16 byte-order mark
      let skipped = 0;
      await pipeline(
        createReadStream(abs),
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            let c = chunk;
            if (skipped < skip) { const k = Math.min(skip - skipped, c.length); skipped += k; c = c.subarray(k); }
            done(null, Buffer.from(decoder.decode(c, { stream: true }), 'utf8'));
          },
          flush(done) { done(null, Buffer.from(decoder.decode(), 'utf8')); },
        }),
        createWriteStream(out),
      );
      return out;
    },
    async release() {
      if (tmp) await rm(tmp, { recursive: true, force: true });
      tmp = null;
    },
  };
}

/** Import a case list (.csv or .parquet) from disk. */
export async function importCaseFile(file: string, setup: CaseSetup, opts: { onProgress?: (p: CaseProgress) => void;
  threads?: number } = {}): Promise<CaseImportResult> {
  opts.onProgress?.({ phase: 'engine', fraction: null });
  const db = await NodeDuckDB.open(opts.threads ? { threads: opts.threads } : {});
  try {
    return await importCases(db, await fileSource(file), setup, opts.onProgress);
  } finally {
    db.close();
  }
}
