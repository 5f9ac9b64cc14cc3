/** Reading scenario files for the command line, with errors that name the file and fields. */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../scenario/open.ts';
import { formatIssue } from '../format/issues.ts';
import type { Scenario } from '../format/types.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Output in pieces, no line break added (large JSON); when absent, pieces are joined and given to `out`. */
  write?: (chunk: string) => void;
}

export class CliError extends Error {
  constructor(message: string, readonly code: 1 | 2) {
    super(message);
  }
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${path}: cannot read the file${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`, 1);
  }
}

/** Load and validate; every problem is listed as "FILE: path: message". */
export function readScenario(path: string): Scenario {
  const r = loadScenario(readText(path));
  if (!r.ok) throw new CliError(r.issues.map((i) => `${path}: ${formatIssue(i)}`).join('\n'), 1);
  return r.scenario;
}
