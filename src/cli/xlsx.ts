/** `gbsim run FILE --xlsx OUT.xlsx`: the results workbook written to a file. */
import { writeFileSync } from 'node:fs';
import { resultsWorkbook, type ExportScenario } from '../sheets/export.ts';
import { CliError } from './io.ts';
import type { Lang, Unit } from '../display/lang.ts';

export type { ExportScenario };

export async function writeXlsx(path: string, scenarios: ExportScenario[], lang: Lang = 'zh', unit: Unit = 'yuan'): Promise<void> {
  const bytes = await resultsWorkbook({ lang, unit, scenarios });
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new CliError(`${path}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 1);
  }
}
