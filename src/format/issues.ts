import { msg, type MsgCode, type MsgParams } from './messages.ts';

/** A problem with a scenario, located by the path of the field it concerns. */
export interface Issue {
  /** e.g. "hospitals[12].history[2]" ("" for the whole file). */
  path: string;
  /** The English text (what logs and older callers show). */
  message: string;
  /** The catalogue's code (src/format/messages.ts): rendered in the user's language by the CLI and the app. */
  code?: MsgCode;
  params?: MsgParams;
}

export const formatIssue = (i: Issue): string => (i.path ? `${i.path}: ${i.message}` : i.message);

/** An issue of the catalogue: its English text, code and parameters. */
export function issueOf(path: string, code: MsgCode, params?: MsgParams): Issue {
  return params ? { path, message: msg(code, params), code, params } : { path, message: msg(code), code };
}

/** Thrown when a scenario cannot be settled; carries every problem found. */
export class ScenarioError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** Collects issues; `cap` keeps a broken 100,000-row file from producing a million lines. */
export class Issues {
  readonly list: Issue[] = [];
  constructor(readonly cap = 1000) {}
  /** An issue by the catalogue's code: every issue renders in both languages (no English-only `add`). */
  code(path: string, code: MsgCode, params?: MsgParams): void {
    if (this.list.length < this.cap) this.list.push(issueOf(path, code, params));
  }
  push(i: Issue): void {
    if (this.list.length < this.cap) this.list.push(i);
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  throwIfAny(): void {
    if (this.any) throw new ScenarioError(this.list);
  }
}
