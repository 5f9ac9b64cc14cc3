/** What the import and export dialogs show: the scenario they act on, and the exports on offer. */
import type { AppState } from '../state/app-state.ts';
import type { ExportWhat } from '../state/actions.ts';
import type { Lang } from '../../display/lang.ts';
import { refName, scenarioOrError } from '../../workspace/workspace.ts';
import { msg } from '../i18n/index.ts';
import { memoize } from './memo.ts';

export interface ImportView {
  lang: Lang;
  /** The scenario the rows go into. */
  target: string;
  /** How many history years its institutions have (the template's and the import's columns). */
  historyYears: number;
}

export interface ExportView {
  lang: Lang;
  items: { what: ExportWhat; label: string }[];
}

const importOf = memoize((lang: Lang, target: string, historyYears: number): ImportView => ({ lang, target, historyYears }));

export function importView(s: AppState): ImportView {
  const scen = scenarioOrError(s.ws, s.active);
  return importOf(s.lang, refName(s.ws, s.active), scen instanceof Error ? s.ws.baseline.policy.historyWeights.length : scen.policy.historyWeights.length);
}

const exportOf = memoize((lang: Lang, name: string, compared: number): ExportView => ({
  lang,
  items: [
    { what: 'results', label: `${msg(lang, 'exportResults')} — ${name}` },
    { what: 'compared', label: msg(lang, 'exportCompared', { n: compared }) },
    { what: 'csv', label: `${msg(lang, 'exportCsv')} — ${name}` },
    { what: 'data', label: `${msg(lang, 'exportInputs')} — ${name}` },
  ],
}));

export function exportView(s: AppState): ExportView {
  return exportOf(s.lang, refName(s.ws, s.active), s.compare.length);
}

/** A version's time in the user's local format. */
export function formatVersionTime(at: string, lang: Lang): string {
  return new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit' });
}

export interface VersionsView {
  lang: Lang;
  loading: boolean;
  rows: { id: string; time: string; summary: string; size: string; busy: boolean }[];
  /** How many stored history values cannot be read (kept), as a sentence, or null. */
  unreadable: string | null;
  error: string | null;
  busy: boolean;
}

const versionsOf = memoize((lang: Lang, v: NonNullable<AppState['versions']> | null): VersionsView => ({
  lang,
  loading: v?.loading ?? true,
  rows: (v?.list ?? []).map((m) => ({
    id: m.id, time: formatVersionTime(m.at, lang), summary: m.summary[lang], busy: v?.busy === m.id,
    size: m.size < 1024 ? `${m.size} B` : m.size < 1024 * 1024 ? `${(m.size / 1024).toFixed(1)} KB` : `${(m.size / 1024 / 1024).toFixed(1)} MB`,
  })),
  unreadable: v?.unreadable ? msg(lang, 'versionsSomeUnreadable', { n: v.unreadable }) : null,
  error: v?.error ?? null,
  busy: Boolean(v?.busy),
}));

export function versionsView(s: AppState): VersionsView {
  return versionsOf(s.lang, s.versions ?? null);
}
