/**
 * Shared by `gbsim years` and `gbsim sweep`: issues in a report, reading decimal flags, and
 * writing a workbook's bytes to a file. Values are shown by src/display/analysis.ts (as the
 * app's tabs show them); names of figures and the workbooks live in src/sheets/analysis-*.ts.
 */
import { writeFileSync } from 'node:fs';
import type { Lang } from '../display/lang.ts';
import type { Issue } from '../format/issues.ts';
import { issueLine } from '../workspace/issue-text.ts';
import type { Scenario } from '../format/types.ts';
import { CliError, FileError, fileReason } from './io.ts';

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
