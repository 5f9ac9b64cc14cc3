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
