/** Spreadsheet actions: apply an accepted import (one undoable edit), exports and the template. */
import type { Controller } from './controller.ts';
import type { ExportWhat } from './actions.ts';
import type { ImportReport } from '../../sheets/report.ts';
import { applyImport, ImportRefused } from '../../sheets/apply.ts';
import { exporting } from '../runs/jobs.ts';
import type { NamedScenario } from '../../../workers/export.worker.ts';
import { msg } from '../i18n/index.ts';
import { historyYearsOf } from '../views/brief-sources.ts';
import type { Lang } from '../../display/lang.ts';
import { refName, replaceScenario, scenarioOf, type RefKey } from '../../workspace/workspace.ts';
import { gateInWorker } from '../runs/column.ts';
import { importProblems } from '../../sheets/import-gate.ts';
import { MIME, downloadBytes, safeName } from '../download.ts';


/**
 * The import is applied only if the workspace it makes passes the one gate (every scenario
 * compiled): otherwise it is refused, naming the rows and columns, and nothing changes.
 */
export async function applyImportAction(ctl: Controller, report: ImportReport, mode: 'replace' | 'merge', onlyValid: boolean): Promise<void> {
  const s = ctl.state;
  try {
    const next = applyImport(scenarioOf(s.ws, s.active), report, mode, onlyValid);
    const gate = await gateInWorker(replaceScenario(s.ws, s.active, next));
    if (!gate.ok) {
      const lang = ctl.state.lang;
      // Said in the sheet's terms (row, column, institution) and the language shown: no field path.
      const issues = importProblems(next, report, gate.issues).map((p) => ({ path: p.where[lang],
        message: p.reason[lang] + (p.fix ? ` — ${p.fix[lang]}` : '') }));
      // The dialog closes so the refusal is seen in full on the page (the file can be imported again once fixed).
      ctl.setDialog(null);
      ctl.notify({ kind: 'error', says: { key: 'importRefusedGate', vars: { file: report.fileName } }, issues });
      return;
    }
    if (ctl.state.ws !== s.ws) {
      ctl.notify({ kind: 'error', says: { key: 'importStale' } });
      return;
    }
    ctl.replace(next);
    ctl.setDialog(null);
    ctl.notify({ kind: 'info', says: { key: 'importApplied', vars: { n: report.hospitals.length, file: report.fileName,
      scenario: refName(s.ws, s.active) } } });
  } catch (e) {
    if (!(e instanceof ImportRefused)) throw e;
    ctl.notify({ kind: 'error', says: e.reason });
  }
}

function named(ctl: Controller, k: RefKey): NamedScenario {
  const s = ctl.state;
  const fp = s.cols[k]?.view?.fingerprint;
  const scenario = scenarioOf(s.ws, k);
  return { name: refName(s.ws, k), scenario, ...(fp && s.cols[k]?.out?.scenario === scenario ? { fingerprint: fp } : {}) };
}

export async function exportAction(ctl: Controller, what: ExportWhat): Promise<void> {
  const s = ctl.state;
  const lang = s.lang;
  const base = safeName(refName(s.ws, s.active));
  try {
    switch (what) {
      case 'results':
      case 'compared': {
        const refs = what === 'results' ? [s.active] : s.compare;
        const list = refs.map((k) => named(ctl, k));
        const bytes = await exporting((api) => api.results(lang, s.unit, list));
        const name = what === 'results' ? base : safeName(s.ws.baseline.meta.name);
        downloadBytes(`${name}${what === 'compared' ? (lang === 'zh' ? '-方案比较' : '-comparison') : ''}${lang === 'zh' ? '-结果' : '-results'}.xlsx`, bytes,
          MIME.xlsx);
        return;
      }
      case 'csv': {
        const bytes = await exporting((api) => api.csv(lang, scenarioOf(s.ws, s.active), s.unit));
        downloadBytes(`${base}${lang === 'zh' ? '-机构结果' : '-hospitals'}.csv`, bytes, MIME.csv);
        return;
      }
      case 'data': {
        const bytes = await exporting((api) => api.data(lang, scenarioOf(s.ws, s.active)));
        downloadBytes(`${base}${lang === 'zh' ? '-机构数据' : '-institution-data'}.xlsx`, bytes, MIME.xlsx);
        return;
      }
    }
  } catch (e) {
    ctl.notify({ kind: 'error', says: { key: 'exportFailed' }, reason: `${(e as Error).message}` });
  }
}

export async function templateAction(ctl: Controller, lang: Lang, format: 'xlsx' | 'csv'): Promise<void> {
  const s = ctl.state;
  const years = historyYearsOf(scenarioOf(s.ws, s.active));
  const bytes = await exporting((api) => api.template(lang, years, format));
  downloadBytes(`${lang === 'zh' ? '机构数据模板' : 'institution-template'}.${format}`, bytes, format === 'xlsx' ? MIME.xlsx : MIME.csv);
}
