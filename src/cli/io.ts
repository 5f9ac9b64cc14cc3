/** Reading scenario files for the command line, with errors that name the file and fields. */
import { readFileSync } from 'node:fs';
import { validateScenarioModel, type ModelResult } from '../scenario/open.ts';
import type { Model } from '../engine/model.ts';
import type { Issue } from '../format/issues.ts';
import { parseJson } from '../format/json.ts';
import { issueLine } from '../workspace/issue-text.ts';
import type { Lang } from '../display/lang.ts';
import type { Scenario } from '../format/types.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /**
   * Output in pieces, no line break added (large JSON, as UTF-8 bytes; a piece is never changed
   * once given); when absent, pieces are joined and given to `out`.
   */
  write?: (chunk: string | Uint8Array) => void;
  /** The language of messages (`--lang`, else the system locale); main sets it. */
  lang?: Lang;
}

export class CliError extends Error {
  constructor(message: string, readonly code: 1 | 2) {
    super(message);
  }
  /** The message in `lang` (an error carrying issues renders them; others have one text). */
  render(_lang: Lang): string {
    return this.message;
  }
}

/** Invalid input: every issue of a file, rendered in the user's language, naming institutions from `doc`. */
export class IssuesError extends CliError {
  constructor(readonly file: string, readonly issues: readonly Issue[], readonly doc?: unknown) {
    super(issueLines(file, issues, 'en', doc), 1);
  }
  override render(lang: Lang): string {
    return issueLines(this.file, this.issues, lang, this.doc);
  }
}

/** At most this many lines of problems per file (a broken 100,000-row file is not printed whole). */
const MAX_LINES = 200;

export function issueLines(file: string, issues: readonly Issue[], lang: Lang, doc?: unknown): string {
  const lines = issues.slice(0, MAX_LINES).map((i) => `${file}: ${issueLine(i, lang, doc)}`);
  if (issues.length > MAX_LINES) lines.push(lang === 'zh' ? `${file}: ……另有 ${issues.length - MAX_LINES} 个问题` :
    `${file}: … and ${issues.length - MAX_LINES} more problems`);
  return lines.join('\n');
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${path}: cannot read the file${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`, 1);
  }
}

/** Load and validate; every problem is listed as "FILE: where: message (path)". */
export function readScenario(path: string): Scenario {
  return readScenarioModel(path).scenario;
}

/** readScenario with the model its check compiled, for a command that settles it next. */
export function readScenarioModel(path: string): { scenario: Scenario; model: Model } {
  const r = openScenarioText(readText(path));
  if (!r.ok) throw new IssuesError(path, r.issues, r.doc);
  return r;
}

/** Parse and validate, keeping the document as read so messages can name its institutions. */
export function openScenarioText(text: string): ModelResult & { doc?: unknown } {
  const j = parseJson(text);
  if (!j.ok) return j;
  return { ...validateScenarioModel(j.value), doc: j.value };
}

/** The line said on stderr once an output file is written, in the user's language. */
export function wroteLine(path: string, lang: Lang): string {
  return lang === 'zh' ? `已写入 ${path}` : `wrote ${path}`;
}
