/**
 * What the case list import shows (pools settled by points, DESIGN §7): whether the scenario
 * shown can take a case list, the progress of the import under way, and its report — rows
 * read / accepted / rejected, each kind of problem with its count and first rows, the file's
 * problems that stopped it — as sentences in the user's language (src/cases/messages.ts).
 */
import type { AppState, CasesState } from '../state/app-state.ts';
import type { Scenario } from '../../format/types.ts';
import type { Lang } from '../../display/lang.ts';
import { fileProblemMessage, problemTitle, progressMessage, rowMessage, summaryMessage } from '../../cases/messages.ts';
import { scenarioOrError } from '../../workspace/workspace.ts';
import { msg } from '../i18n/index.ts';
import { memoize } from './memo.ts';

export interface CaseProblemView {
  title: string;
  /** Its first rows, as sentences. */
  rows: string[];
  /** For unknown codes: the most frequent values (“A9999 × 12”). */
  values: string | null;
}

export interface CasesView {
  lang: Lang;
  /** The scenario shown has a pool settled by points and a catalogue: a case list can go in. */
  available: boolean;
  status: CasesState['status'] | 'idle';
  fileName: string;
  /** 0–1 where known (the read), else null: an indeterminate bar. */
  fraction: number | null;
  progress: string | null;
  summary: string | null;
  fatal: string[];
  problems: CaseProblemView[];
  /** What was written into the scenario. */
  applied: string | null;
  error: string | null;
  seconds: string | null;
}

const availableOf = memoize((s: Scenario | Error): boolean => !(s instanceof Error) && !!s.policy.pools?.some((p) => p.settlement === 'points') &&
  !!s.catalogue?.length);

const build = memoize((c: CasesState | null | undefined, lang: Lang, available: boolean, year: number | undefined): CasesView => {
  const r = c?.report ?? null;
  return {
    lang, available, status: c?.status ?? 'idle', fileName: c?.fileName ?? '',
    fraction: c?.status === 'running' ? (c.progress?.fraction ?? null) : null,
    progress: c?.status === 'running' ? (c.progress ? progressMessage(lang, c.progress) : msg(lang, 'casesStarting')) : null,
    summary: r ? summaryMessage(lang, r) : null,
    fatal: r ? r.fatal.map((p) => fileProblemMessage(lang, p)) : [],
    problems: r ? r.problems.map((p) => ({
      title: problemTitle(lang, p, r),
      rows: p.examples.map((row) => rowMessage(lang, p, row, r, year)),
      values: p.values?.length ? p.values.map((v) => `${v.value} × ${v.count}`).join(lang === 'zh' ? '，' : ', ') : null,
    })) : [],
    applied: c?.applied ? msg(lang, c.applied.zeroed.length ? 'casesAppliedZeroed' : 'casesApplied',
      { n: c.applied.written, z: c.applied.zeroed.length, ids: c.applied.zeroed.slice(0, 5).join(', ') }) : null,
    error: c?.error ?? null,
    seconds: c && c.status !== 'running' ? (c.ms / 1000).toFixed(1) : null,
  };
});

export function casesView(s: AppState): CasesView {
  const shown = scenarioOrError(s.ws, s.active);
  const c = s.cases && s.cases.ref === s.active ? s.cases : null;
  return build(c, s.lang, availableOf(shown), shown instanceof Error ? undefined : shown.meta.year);
}
