/**
 * The monitoring tab's actions: start monitoring as of a month, add a month's claims from a
 * spreadsheet, consider and accept a mid-year adjustment, export the monthly report. Every
 * change passes the one gate (validateScenario) before it replaces the scenario, so a bad
 * month or a refused adjustment changes nothing; accepted changes are undoable edits.
 */
import type { Controller } from './controller.ts';
import type { Adjustment, Scenario } from '../../format/types.ts';
import type { Issue } from '../../format/issues.ts';
import { addMonth, asOfMonth, type AsOf } from '../../engine/as-of.ts';
import { validateScenario } from '../../scenario/open.ts';
import { refName, scenarioOf } from '../../workspace/workspace.ts';
import { exporting, readMonthClaimsJob } from '../runs/jobs.ts';
import { MIME, downloadBytes, safeName } from '../download.ts';
import { msg } from '../i18n/index.ts';

function through(r: AsOf): { ok: true; scenario: Scenario } | { ok: false; issues: Issue[] } {
  return r.ok ? validateScenario(r.scenario) : r;
}

export function startMonitoring(ctl: Controller, month: number): void {
  const r = through(asOfMonth(scenarioOf(ctl.state.ws, ctl.state.active), month));
  if (!r.ok) { ctl.notify({ kind: 'error', says: { key: 'monImportRefused', vars: { k: month } }, issues: r.issues }); return; }
  ctl.replace(r.scenario);
}

export async function importMonth(ctl: Controller, file: File): Promise<void> {
  const s = scenarioOf(ctl.state.ws, ctl.state.active);
  const month = (s.monitoring?.asOf ?? 0) + 1;
  const lang = ctl.state.lang;
  const read = await readMonthClaimsJob(file);
  if (!read.ok) {
    const issues = read.problems.map((p) => ({ path: p.row ? `${file.name} ${lang === 'zh' ? '第' : 'row '}${p.row}${lang === 'zh' ? '行' : ''}${p.column ?
      ` ${p.column}` : ''}` : file.name, message: p[lang] }));
    ctl.notify({ kind: 'error', says: { key: 'monImportRefused', vars: { k: month } }, issues });
    return;
  }
  const r = through(addMonth(s, month, new Map(read.claims), new Map(read.points)));
  if (!r.ok) { ctl.notify({ kind: 'error', says: { key: 'monImportRefused', vars: { k: month } }, issues: r.issues }); return; }
  ctl.replace(r.scenario);
  ctl.notify({ kind: 'info', says: { key: 'monImported', vars: { k: month } } });
}

export async function previewAdjustment(ctl: Controller, a: Adjustment): Promise<void> {
  ctl.set({ adjusting: { preview: ctl.state.adjusting?.preview ?? null, busy: true } });
  const p = await ctl.runs.previewAdjustment(a);
  if (ctl.state.adjusting) ctl.set({ adjusting: { preview: p, busy: false } });
}

export function acceptAdjustment(ctl: Controller, a: Adjustment): void {
  const s = scenarioOf(ctl.state.ws, ctl.state.active);
  const r = validateScenario({ ...s, adjustments: [...(s.adjustments ?? []), a] });
  if (!r.ok) { ctl.notify({ kind: 'error', says: { key: 'monRefused' }, issues: r.issues }); return; }
  ctl.replace(r.scenario);
  ctl.set({ adjusting: null });
  ctl.notify({ kind: 'info', says: { key: 'monAdjustedOk', vars: { id: a.hospital, f: a.from } } });
}

export async function exportMonitor(ctl: Controller): Promise<void> {
  const st = ctl.state;
  const s = scenarioOf(st.ws, st.active);
  const name = refName(st.ws, st.active);
  const bytes = await exporting((api) => api.monitor(st.lang, st.unit, name, s));
  downloadBytes(`${safeName(name)}${st.lang === 'zh' ? '-执行进度月报' : '-monthly-report'}.xlsx`, bytes, MIME.xlsx);
}
