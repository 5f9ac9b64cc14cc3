/**
 * Shared by `gbsim years` and `gbsim sweep`: how a value is shown in a table, reading decimal
 * flags, and writing a workbook's bytes to a file. Names of figures and the workbooks
 * themselves live in src/sheets/analysis-words.ts and analysis-export.ts.
 */
import { writeFileSync } from 'node:fs';
import { money, percent, percentExact } from '../display/number.ts';
import type { Lang, Unit } from '../display/lang.ts';
import type { OutputKind } from '../engine/sweep-outputs.ts';
import type { ParamInfo } from '../engine/sweep-params.ts';
import type { Issue } from '../format/issues.ts';
import { issueLine } from '../workspace/issue-text.ts';
import type { Scenario } from '../format/types.ts';
import { CliError, FileError, fileReason } from './io.ts';

/** An output value for a table: amounts grouped (元/万元), rates as percentages, months as is. */
export function showOutput(v: string | null, kind: OutputKind, unit: Unit): string {
  if (v === null) return '—';
  if (kind === 'amount') return money(v, unit);
  if (kind === 'ratio') return percent(v);
  return v;
}

/**
 * A parameter value for a table: amounts grouped in the unit, ratios (shares, rates of the
 * target, growth: `ParamInfo.percent`, as the app shows them) as exact percentages with at least
 * two decimals (0.08 → 8.00%), coefficients, weights, scores and counts as written.
 */
export function showParam(v: string | null, p: Pick<ParamInfo, 'kind' | 'percent'>, unit: Unit): string {
  if (v === null) return '—';
  if (p.kind === 'amount') return money(v, unit);
  return p.percent ? percentExact(v) : v;
}

/**
 * An issue inside a text report, in the catalogue's words of `lang`, naming the institution and
 * field of `s` (as the app shows it), the field path after it as a detail.
 */
export function issueIn(i: Issue, lang: Lang, s?: Scenario): string {
  return issueLine(i, lang, s);
}

export { wroteLine } from './io.ts';

export function writeBytes(path: string, bytes: Uint8Array): void {
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new FileError(path, 'write', fileReason(e));
  }
}

/** Read a growth-like decimal flag ("0.03"); usage error naming the flag otherwise. */
export function decimalFlag(v: unknown, flag: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^-?\d{1,13}(\.\d{1,12})?$/.test(v.trim())) throw new CliError(`${flag} must be a decimal number like 0.03 (3%)`, 2);
  return v.trim();
}
