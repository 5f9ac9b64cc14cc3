/** `gbsim run FILE --xlsx OUT.xlsx`: the results workbook streamed to a file as it is built. */
import { createWriteStream } from 'node:fs';
import { streamResultsWorkbook, type ExportScenario } from '../sheets/export.ts';
import { FileError, fileReason } from './io.ts';
import type { Lang, Unit } from '../display/lang.ts';

export type { ExportScenario };

export async function writeXlsx(path: string, scenarios: ExportScenario[], lang: Lang = 'zh', unit: Unit = 'yuan'): Promise<void> {
  const cannot = (e: unknown) => new FileError(path, 'write', fileReason(e));
  // Opened first, so a path that cannot be written is said before any work (and no rows are built for it).
  const out = createWriteStream(path);
  await new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', (e) => reject(cannot(e))));
  const failed = new Promise<never>((_, reject) => out.once('error', (e) => reject(cannot(e))));
  failed.catch(() => {});
  const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
  await Promise.race([streamResultsWorkbook({ lang, unit, scenarios }, out), failed]);
  await Promise.race([closed, failed]);
}
