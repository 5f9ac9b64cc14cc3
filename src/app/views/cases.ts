/**
 * What the case list import shows (pools settled by points, DESIGN §7): whether the scenario
 * shown can take a case list, the progress of the import under way, and its report — rows
 * read / accepted / rejected, each kind of problem with its count and first rows, the file's
 * problems that stopped it — as sentences in the user's language (src/cases/messages.ts); and
 * the group catalogue import that comes first (state/handle-catalogue.ts): the groups the
 * scenario has, what the last catalogue file did, its bad cells by row and column.
 */
import type { AppState, CasesState, CatalogueState } from '../state/app-state.ts';
import type { Scenario } from '../../format/types.ts';
import type { Lang } from '../../display/lang.ts';
import { fileProblemMessage, outsidePointsMessage, problemTitle, progressMessage, rowMessage, summaryMessage } from '../../cases/messages.ts';
import { catalogueErrorMessage } from '../../cases/catalogue.ts';
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

/** The last catalogue file read for the scenario shown. */
export interface CatalogueView {
  status: CatalogueState['status'];
  fileName: string;
  /** What happened, a sentence (done: groups before → after; refused: why). */
  says: string;
  /** Refused for its cells: the first ones, each naming its row and column. */
  errors: string[];
  /** After the errors: how many there are in all, when more than shown. */
  more: string | null;
}

export interface CasesView {
  lang: Lang;
  /** The scenario shown has a pool settled by points: the card is shown (a catalogue can go in). */
  offered: boolean;
  /** Groups in the scenario's catalogue (0: none yet — the case list waits for one). */
  groups: number;
  catalogue: CatalogueView | null;
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
  /** Cases of institutions whose pool is settled by targets: written, but their points do not count (a note, not an error). */
  outside: string | null;
  error: string | null;
  seconds: string | null;
}

const offeredOf = (s: Scenario | Error): boolean => !(s instanceof Error) && !!s.policy.pools?.some((p) => p.settlement === 'points');
const groupsOf = (s: Scenario | Error): number => (s instanceof Error ? 0 : s.catalogue?.length ?? 0);

function catalogueSays(lang: Lang, c: CatalogueState): string {
  const vars = { file: c.fileName, before: c.before, after: c.after };
  if (c.status === 'running') return msg(lang, 'catReading');
  if (c.status === 'done') return msg(lang, c.before ? 'catReplaced' : 'catImported', vars);
  if (c.status === 'declined') return msg(lang, 'catDeclined', vars);
  if (c.status === 'failed') return `${msg(lang, 'catFailed')}${c.error ?? ''}`;
  const r = c.refusal;
  if (r?.kind === 'file') return msg(lang, 'catRefusedFile', { reason: r.reason[lang] });
  if (r?.kind === 'cells') return msg(lang, 'catRefusedCells', { n: r.count });
  if (r?.kind === 'empty') return msg(lang, 'catEmpty');
  if (r?.kind === 'gate') return msg(lang, 'catGate');
  return msg(lang, 'importStale');
}

const catalogueBuild = memoize((c: CatalogueState | null, lang: Lang): CatalogueView | null => {
  if (!c) return null;
  const cells = c.refusal?.kind === 'cells' ? c.refusal : null;
  return {
    status: c.status, fileName: c.fileName, says: catalogueSays(lang, c),
    errors: cells ? cells.errors.map((e) => catalogueErrorMessage(lang, e)) : [],
    more: cells && cells.count > cells.errors.length ? msg(lang, 'catMoreErrors', { n: cells.count, shown: cells.errors.length }) : null,
  };
});

const build = memoize((c: CasesState | null | undefined, lang: Lang, offered: boolean, groups: number, catalogue: CatalogueView | null,
  year: number | undefined): CasesView => {
  const r = c?.report ?? null;
  const available = offered && groups > 0;
  return {
    lang, offered, groups, catalogue, available, status: c?.status ?? 'idle', fileName: c?.fileName ?? '',
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
    outside: c?.applied ? outsidePointsMessage(lang, c.applied.outside ?? []) : null,
    error: c?.error ?? null,
    seconds: c && c.status !== 'running' ? (c.ms / 1000).toFixed(1) : null,
  };
});

export function casesView(s: AppState): CasesView {
  const shown = scenarioOrError(s.ws, s.active);
  const c = s.cases && s.cases.ref === s.active ? s.cases : null;
  const cat = catalogueBuild(s.catalogue && s.catalogue.ref === s.active ? s.catalogue : null, s.lang);
  return build(c, s.lang, offeredOf(shown), groupsOf(shown), cat, shown instanceof Error ? undefined : shown.meta.year);
}
