/** Workbooks of the planning views (years, sweeps, risk), built in the export worker and downloaded. */
import type { Controller } from './controller.ts';
import { exporting } from '../runs/jobs.ts';
import { MIME, downloadBytes, safeName } from '../download.ts';
import { refName, scenarioOrError } from '../../workspace/workspace.ts';
import { msg } from '../i18n/index.ts';
import type { SweepSheet } from '../../sheets/analysis-export.ts';
import type { YearsExport } from '../../sheets/plan-export.ts';
import { yearsRefs } from '../runs/years.ts';

export async function exportPlan(ctl: Controller, what: 'years' | 'sweeps' | 'risk'): Promise<void> {
  const s = ctl.state;
  const { lang, unit } = s;
  try {
    if (what === 'years') {
      // The scenario shown, then the compared ones: the years tab shows them over the same years, and so does the workbook.
      const list = yearsRefs(s).map((ref): YearsExport => {
        const sc = scenarioOrError(s.ws, ref);
        return sc instanceof Error ? { name: refName(s.ws, ref), scenario: null, problem: sc.message } : { name: refName(s.ws, ref), scenario: sc };
      });
      if (!list[0]!.scenario) throw new Error(list[0]!.problem);
      const bytes = await exporting((api) => api.years(lang, unit, list));
      downloadBytes(`${safeName(refName(s.ws, s.active))}-years.xlsx`, bytes, MIME.xlsx);
    } else if (what === 'sweeps') {
      const runs = [s.sweeps.sweep, s.sweeps.tornado].filter((r) => r?.status === 'done' && r.result);
      const first = runs[0];
      if (!first) return;
      const sc = first.scenario; // the scenario the runs were made on (names, current values), not the one edited since
      const sheets = runs.map((r) => ({ name: r!.result!.kind, result: r!.result! }) as SweepSheet);
      const bytes = await exporting((api) => api.sweeps(lang, unit, sc, sheets));
      downloadBytes(`${safeName(first.name)}-sweeps.xlsx`, bytes, MIME.xlsx);
    } else {
      const r = s.risk;
      if (!r?.summary || !r.meta) return;
      const bytes = await exporting((api) => api.risk(lang, unit, { name: r.name, params: r.params, summary: r.summary!, meta: r.meta!,
        perDraw: r.perDraw ?? null }));
      downloadBytes(`${safeName(r.name)}-risk.xlsx`, bytes, MIME.xlsx);
    }
  } catch (e) {
    ctl.notify({ kind: 'error', says: { key: 'exportFailed' }, reason: `${e instanceof Error ? e.message : String(e)}` });
  }
}
