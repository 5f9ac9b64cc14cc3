/**
 * The monitoring tab (执行进度 / 预警, DESIGN §10): what it shows, as text, from the monthly
 * report the scenario's engine worker computed (runs/scheduler.ts refreshMonitor) and the
 * adjustment being considered. Formatting only: every amount comes from the engine.
 */
import type { AppState } from '../state/app-state.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { MonitorRow, Threshold } from '../../engine/monitor.ts';
import type { ShownMonitor } from '../../transport/engine-session.ts';
import type { AdjustmentPreview } from '../../engine/adjust-preview.ts';
import type { Adjustment } from '../../format/types.ts';
import { money, percent, plain } from '../../display/number.ts';
import { msg } from '../i18n/index.ts';
import { scenarioOrError } from '../../workspace/workspace.ts';
import { issueMessage } from '../../workspace/issue-text.ts';
import { memoize } from './memo.ts';

export interface MonitorLine {
  id: string; name: string; target: string; budgetToDate: string; claimsToDate: string; progress: string;
  deferredToDate: string; projectedClaims: string; projectedRate: string; over: boolean; flags: string; adjusted: boolean;
}

/**
 * The warning list, formatted a line at a time as the table asks for it (and kept): a report of
 * 3,000 institutions may warn about hundreds, and formatting them all on every edit cost the page
 * more than the rest of the tab.
 */
export interface WarningLines {
  readonly length: number;
  at(k: number): MonitorLine;
}

export interface PreviewLine { id: string; name: string; before: string; after: string; change: string; months: { before: string; after: string }[] }

export interface MonitorView {
  lang: Lang;
  unit: Unit;
  state: 'loading' | 'ready' | 'invalid';
  stale: boolean;
  title: string;
  /** null: the scenario is not monitored (a year-end file); then `startMonths` offers months 1–11. */
  asOf: number | null;
  asOfLine: string;
  months: { label: string; actual: boolean }[];
  canStart: boolean;
  /** The month a claims import adds (k + 1), null when the year is complete or not monitored. */
  nextMonth: number | null;
  thresholds: string[];
  warningsTitle: string;
  warnings: WarningLines;
  fund: { label: string; value: string }[];
  coverage: { value: string; line: string; below: boolean; text: string };
  adjustments: string[];
  /** Pools settled by points: points to date, the projected year's points and point value (text). */
  points: { pool: string; toDate: string; year: string; budgetValue: string; value: string }[];
  hospitals: { id: string; name: string }[];
  preview: null | { busy: boolean; ok: boolean; pool: string; lines: PreviewLine[]; issues: string[]; from: number; adjustment: Adjustment | null };
}

const line = (r: MonitorRow, lang: Lang, unit: Unit): MonitorLine => ({
  id: r.id, name: r.name, target: money(r.target, unit), budgetToDate: money(r.budgetToDate, unit), claimsToDate: money(r.claimsToDate, unit),
  progress: percent(r.progress), deferredToDate: money(r.deferredToDate, unit), projectedClaims: money(r.projectedClaims, unit),
  projectedRate: percent(r.projectedRate, 2, true), over: r.warnings.includes('overspend'), adjusted: r.adjusted,
  flags: r.warnings.map((w) => msg(lang, w === 'overspend' ? 'monFlagOverspend' : 'monFlagDeferred')).join(lang === 'zh' ? '、' : ', '),
});

const NO_WARNINGS: WarningLines = { length: 0, at: () => { throw new RangeError('no warnings'); } };

function warningLines(report: ShownMonitor, lang: Lang, unit: Unit): WarningLines {
  const made: MonitorLine[] = [];
  const list = report.warned;
  return {
    length: list.length,
    at: (k) => {
      if (k < 0 || k >= list.length) throw new RangeError(`warning ${k} of ${list.length}`);
      return (made[k] ??= line(list[k]!, lang, unit));
    },
  };
}

function thresholdText(t: Threshold, lang: Lang): string {
  if (t.source) return `${t.source.document}${t.source.article ? ` ${t.source.article}` : ''}（${t.source.status === 'official' ?
    (lang === 'zh' ? '官方' : 'official') : (lang === 'zh' ? '假设' : 'assumption')}）`;
  return t.given ? '' : msg(lang, 'monDefault');
}

const previewOf = memoize((p: AdjustmentPreview | null, busy: boolean, lang: Lang, unit: Unit, doc: unknown): MonitorView['preview'] => {
  if (!p) return { busy, ok: false, pool: '', lines: [], issues: [], from: 1, adjustment: null };
  const from = p.adjustment.from;
  if (!p.ok) return { busy, ok: false, pool: '', lines: [], issues: p.issues.map((i) => issueMessage(i, lang, doc)), from, adjustment: null };
  return {
    busy, ok: true, from, issues: [], adjustment: p.adjustment,
    // The pool by its name; the one pool of everyone (a scenario without pools) as 全部机构.
    pool: msg(lang, p.poolName ? 'monPreviewPool' : 'monPreviewAll', { pool: p.poolName, before: money(p.poolBefore, unit), after: money(p.poolAfter, unit) }),
    lines: p.members.map((m) => ({
      id: m.id, name: m.name, before: money(m.targetBefore, unit), after: money(m.targetAfter, unit), change: money(m.change, unit, true),
      months: m.monthsAfter.slice(from - 1).map((a, j) => ({ before: money(m.monthsBefore[from - 1 + j]!, unit), after: money(a, unit) })),
    })),
  };
});

const build = memoize((report: ShownMonitor | null, stale: boolean, invalid: boolean, monitored: number | null, hasClaims: boolean,
  hospitals: { id: string; name: string }[], lang: Lang, unit: Unit): Omit<MonitorView, 'preview'> => {
  const t = (k: Parameters<typeof msg>[1], v?: Record<string, string | number>) => msg(lang, k, v);
  const base = {
    lang, unit, stale, title: t('monTitle'), asOf: monitored, canStart: monitored === null && hasClaims,
    nextMonth: monitored !== null && monitored < 12 ? monitored + 1 : null, hospitals,
  };
  if (!report) {
    return { ...base, state: invalid ? 'invalid' : 'loading', asOfLine: t('monLoading'), months: [], thresholds: [],
      warningsTitle: '', warnings: NO_WARNINGS, fund: [],
      coverage: { value: '', line: '', below: false, text: '' }, adjustments: [], points: [] };
  }
  const k = report.asOf;
  const th = report.thresholds;
  const f = report.fund;
  const cover = plain(f.projectedMonthsOfCoverage);
  return {
    ...base,
    state: 'ready',
    asOfLine: monitored === null ? t('monNotMonitoring')
      : k === 0 ? t('monNoneKnown') : t('monAsOf', { k, rest: k < 12 ? t('monRestProjected', { from: k + 1 }) : t('monWholeYear') }),
    months: report.months.map((m, j) => ({ label: t('monMonth', { k: j + 1 }), actual: m === 'actual' })),
    thresholds: [
      `${t('monOverLine', { x: percent(th.overspendRate.value) })} ${thresholdText(th.overspendRate, lang)}`,
      `${t('monDeferLine', { x: percent(th.deferredRate.value) })} ${thresholdText(th.deferredRate, lang)}`,
      `${t('monCoverLine', { x: th.coverageMonths.value })} ${thresholdText(th.coverageMonths, lang)}`,
    ],
    warningsTitle: t('monWarnings', { n: report.warned.length, total: report.institutions }),
    warnings: warningLines(report, lang, unit),
    fund: [
      { label: t('monBudgetToDate'), value: money(f.budgetToDate, unit) },
      { label: t('monClaimsToDate'), value: money(f.claimsToDate, unit) },
      { label: t('monPaidToDate'), value: money(f.paidToDate, unit) },
      { label: t('monDeferredToDate'), value: money(f.deferredToDate, unit) },
      { label: t('monProjExpenditure'), value: money(f.projectedExpenditure, unit) },
      { label: t('monProjClosing'), value: money(f.projectedClosingBalance, unit) },
    ],
    coverage: { value: cover, line: th.coverageMonths.value, below: f.belowWarningLine, text: f.belowWarningLine ? t('monBelow') : t('monAbove') },
    adjustments: report.adjustments.map((a) => {
      const who = named(a.hospital, hospitals);
      const span = `${t('monFromMonth', { k: a.from })} — ${money(a.targetBefore, unit)} → ${money(a.targetAfter, unit)}`;
      const change = money(a.change, unit, true);
      return lang === 'zh' ? `${who}：${span}（${change}）${a.reason}` : `${who}: ${span} (${change}) ${a.reason}`;
    }),
    points: report.points.map((p) => ({
      pool: p.name, toDate: plain(p.pointsToDate, 4), year: plain(p.projectedPoints, 4),
      budgetValue: p.budgetPointValue === null ? '—' : plain(p.budgetPointValue, 4),
        value: p.projectedPointValue === null ? '—' : plain(p.projectedPointValue, 4),
    })),
  };
});

/** An institution by code and name, as every list names it ("T01 示例市第一人民医院"). */
function named(id: string, hospitals: readonly { id: string; name: string }[]): string {
  const h = hospitals.find((x) => x.id === id);
  return h ? `${h.id} ${h.name}` : id;
}

const hospitalsOf = memoize((hs: readonly { id: string; name: string }[]) => hs.map((h) => ({ id: h.id, name: h.name })));

export function monitorView(s: AppState): MonitorView {
  const shown = scenarioOrError(s.ws, s.active);
  const sc = shown instanceof Error ? null : shown;
  const m = s.monitor && s.monitor.ref === s.active ? s.monitor : null;
  const cs = s.cols[s.active];
  const hasClaims = sc !== null && sc.hospitals.every((h) => h.claims !== undefined);
  const v = build(m?.report ?? null, m?.stale ?? true, cs?.status === 'invalid', sc?.monitoring?.asOf ?? null, hasClaims, hospitalsOf(sc?.hospitals ?? []),
    s.lang, s.unit);
  const preview = s.adjusting ? previewOf(s.adjusting.preview, s.adjusting.busy, s.lang, s.unit, sc) : null;
  return withPreview(v, preview);
}

const withPreview = memoize((v: Omit<MonitorView, 'preview'>, preview: MonitorView['preview']): MonitorView => ({ ...v, preview }));
