/**
 * Shared by `gbsim years` and `gbsim sweep`: issues in a report, reading decimal flags, and
 * writing a workbook's bytes to a file. Values are shown by src/display/analysis.ts (as the
 * app's tabs show them); names of figures and the workbooks live in src/sheets/analysis-*.ts.
 */
import { writeFileSync } from 'node:fs';
import type { Lang } from '../display/lang.ts';
import { formatIssue, type Issue } from '../format/issues.ts';
import { issueLine } from '../workspace/issue-text.ts';
import type { Scenario } from '../format/types.ts';
import { CliError } from './io.ts';

/**
 * An issue inside a text report: in English as it always was ("path: message"); in Chinese in
 * the catalogue's words, naming the institution and field of `s` (as the app shows it).
 */
export function issueIn(i: Issue, lang: Lang, s?: Scenario): string {
  return lang === 'zh' ? issueLine(i, lang, s) : formatIssue(i);
}

export { wroteLine } from './io.ts';

export function writeBytes(path: string, bytes: Uint8Array): void {
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new CliError(`${path}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 1);
  }
}

/** Read a growth-like decimal flag ("0.03"); usage error naming the flag otherwise. */
export function decimalFlag(v: unknown, flag: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^-?\d{1,13}(\.\d{1,12})?$/.test(v.trim())) throw new CliError(`${flag} must be a decimal number like 0.03 (3%)`, 2);
  return v.trim();
}
