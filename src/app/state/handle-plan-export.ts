/** Workbooks of the planning views (years, sweeps, risk), built in the export worker and downloaded. */
import type { Controller } from './controller.ts';
import { exporting } from '../runs/jobs.ts';
import { MIME, downloadBytes, safeName } from '../download.ts';
import { refName, scenarioOrError } from '../../workspace/workspace.ts';
import { msg } from '../i18n/index.ts';
import type { SweepSheet } from '../../sheets/analysis-export.ts';

export async function exportPlan(ctl: Controller, what: 'years' | 'sweeps' | 'risk'): Promise<void> {
  const s = ctl.state;
  const { lang, unit } = s;
  try {
    if (what === 'years') {
      const sc = scenarioOrError(s.ws, s.active);
      if (sc instanceof Error) throw sc;
      const bytes = await exporting((api) => api.years(lang, unit, sc));
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
