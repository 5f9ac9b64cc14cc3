/** Reading scenario files for the command line, with errors that name the file and fields. */
import { readFileSync } from 'node:fs';
import { validateScenarioModel, type ModelResult } from '../scenario/open.ts';
import type { Model } from '../engine/model.ts';
import type { Issue } from '../format/issues.ts';
import { parseJson } from '../format/json.ts';
import { parseJsonBytes } from './json-bytes.ts';
import { documentIssueLine } from '../workspace/issue-text.ts';
import type { Lang } from '../display/lang.ts';
import type { Scenario } from '../format/types.ts';
import { basename } from 'node:path';
import { SNIFF_HEAD, SNIFF_TAIL, sniffFile } from '../format/file-kind.ts';
import { renderMessage, type MsgCode, type MsgParams } from '../format/messages.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /**
   * Output in pieces, no line break added (large JSON, as UTF-8 bytes); when absent, pieces are
   * joined and given to `out`. A piece is never changed once given, unless this returns true:
   * the piece is then written out whole and not kept, and its bytes may be used again.
   */
  write?: (chunk: string | Uint8Array) => boolean | void;
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

/** A file that cannot be read or written, said in the user's language (the system's reason code kept as is). */
export class FileError extends CliError {
  constructor(readonly path: string, readonly op: 'read' | 'write', readonly reason: string) {
    super(fileErrorText(path, op, reason, 'en'), 1);
  }
  override render(lang: Lang): string {
    return fileErrorText(this.path, this.op, this.reason, lang);
  }
}

/** `e`'s code (ENOENT, EACCES, …) or message, for a FileError. */
export const fileReason = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

function fileErrorText(path: string, op: 'read' | 'write', reason: string, lang: Lang): string {
  if (lang === 'zh') {
    const why = reason === 'ENOENT' ? (op === 'read' ? '文件不存在' : '所在文件夹不存在') : reason === 'EACCES' || reason === 'EPERM' ? '没有权限' : reason;
    return `${path}: ${op === 'read' ? '无法读取文件' : '无法写入文件'}${why ? `（${why}）` : ''}`;
  }
  const why = reason === 'ENOENT' && op === 'read' ? 'no such file' : reason;
  return `${path}: cannot ${op} the file${why ? ` (${why})` : ''}`;
}

/**
 * Invalid input: every issue of a file, rendered in the user's language, naming institutions from
 * `doc` (the scenario or workspace as read; a workspace's variants by their names).
 */
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
  const lines = issues.slice(0, MAX_LINES).map((i) => `${file}: ${documentIssueLine(i, lang, doc)}`);
  if (issues.length > MAX_LINES) lines.push(lang === 'zh' ? `${file}: ……另有 ${issues.length - MAX_LINES} 个问题` :
    `${file}: … and ${issues.length - MAX_LINES} more problems`);
  return lines.join('\n');
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new FileError(path, 'read', (e as NodeJS.ErrnoException).code ?? '');
  }
}

/** A file given where a scenario file is expected that is something else: what it seems to be and the command that takes it. */
export class WrongFileError extends CliError {
  constructor(readonly msgCode: MsgCode, readonly params: MsgParams) {
    super(renderMessage(msgCode, params, 'en'), 1);
  }
  override render(lang: Lang): string {
    return renderMessage(this.msgCode, this.params, lang);
  }
}

/** Load and validate; every problem is listed as "FILE: where: message (path)". */
export function readScenario(path: string): Scenario {
  return readScenarioModel(path).scenario;
}

/** readScenario with the model its check compiled, for a command that settles it next. */
export function readScenarioModel(path: string): { scenario: Scenario; model: Model } {
  const r = openScenarioFile(path);
  if (!r.ok) throw new IssuesError(path, r.issues, r.doc);
  return r;
}

/**
 * A file given to a command that takes a scenario, told by its bytes first (format/file-kind.ts,
 * the function the app's 打开文件 routes by): a spreadsheet, a case list or anything else that is
 * not JSON throws WrongFileError naming what it is and the command that takes it, rather than
 * "not valid JSON: Unexpected token 'P'"; so does a workspace file (it holds several scenarios).
 */
export function openScenarioFile(path: string): ModelResult & { doc?: unknown } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new FileError(path, 'read', fileReason(e));
  }
  const kind = sniffFile(bytes.subarray(0, SNIFF_HEAD), bytes.subarray(Math.max(0, bytes.length - SNIFF_TAIL)), basename(path));
  if (kind === 'xlsx') throw new WrongFileError('scenarioGotXlsx', { file: path });
  if (kind === 'csv') throw new WrongFileError('scenarioGotCsv', { file: path });
  if (kind === 'parquet') throw new WrongFileError('scenarioGotParquet', { file: path });
  if (kind !== 'json' && kind !== 'text') throw new WrongFileError('scenarioGotOther', { file: path, kind });
  const r = openParsed(parseJsonBytes(bytes));
  const doc = r.ok ? undefined : (r.doc as { format?: unknown; variants?: unknown } | null | undefined);
  if (doc && typeof doc === 'object' && doc.format === 'gbsim-workspace') {
    throw new WrongFileError('scenarioGotWorkspace', { file: path, variants: Array.isArray(doc.variants) ? doc.variants.length : 0 });
  }
  return r;
}

/** Parse and validate, keeping the document as read so messages can name its institutions. */
export function openScenarioText(text: string): ModelResult & { doc?: unknown } {
  return openParsed(parseJson(text));
}

function openParsed(j: ReturnType<typeof parseJson>): ModelResult & { doc?: unknown } {
  if (!j.ok) return j;
  return { ...validateScenarioModel(j.value), doc: j.value };
}

/** The line said on stderr once an output file is written, in the user's language. */
export function wroteLine(path: string, lang: Lang): string {
  return lang === 'zh' ? `已写入 ${path}` : `wrote ${path}`;
}
