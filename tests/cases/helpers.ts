/** Shared pieces of the case-import tests: small files in a temp folder, imported by DuckDB in Node. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { importCaseFile } from '../../src/cases/node.ts';
import type { CaseImportResult, CaseSetup, CatalogueGroup } from '../../src/cases/types.ts';

/** A temp folder removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gbsim-cases-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const HEADER = '机构编码,病组编码,总费用,基金支付,出院月份,特例单议点数';

/** `year: null`: no meta.year (any year accepted). */
export function setupOf(catalogue: CatalogueGroup[], hospitalIds = ['H1', 'H2'], year: number | null = 2025, thresholds = { low: '0.5', high: '2' }): CaseSetup {
  return { hospitalIds, catalogue, thresholds, ...(year === null ? {} : { year }) };
}

let n = 0;
/** Write `text` (or bytes) to a file in `dir` and import it. */
export async function importText(dir: string, text: string | Uint8Array, setup: CaseSetup, name = `cases-${++n}.csv`): Promise<CaseImportResult> {
  const path = join(dir, name);
  writeFileSync(path, text);
  return importCaseFile(path, setup);
}

export function ok(r: CaseImportResult): Extract<CaseImportResult, { ok: true }> {
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.report.fatal)}`);
  return r;
}
