/** Actions of pools settled by points (issue 11): the points example; the case list import. */
import type { Controller } from './controller.ts';
import { POINTS_VARIANT_NAME, pointsExampleText } from './example.ts';
import { BASELINE, replaceScenario, scenarioOf } from '../../workspace/workspace.ts';
import { withImportedPoints } from '../../scenario/with-points.ts';
import { gateInWorker } from '../runs/column.ts';
import { msg } from '../i18n/index.ts';
import type { CasesState } from './app-state.ts';
import type { PointInflationQuery } from '../../engine/point-inflation.ts';
import type { CaseImportResult, CaseSetup } from '../../cases/types.ts';

/**
 * Open the city with its points variant (through the one gate, as any file), show the variant
 * and compare it with the per-target baseline: who gains and who loses.
 */
export async function openPointsExample(ctl: Controller, openText: (text: string, name: string) => Promise<void>): Promise<void> {
  const before = ctl.state.ws;
  await openText(await pointsExampleText(), 'city-points.json');
  const ws = ctl.state.ws;
  if (ws === before) return; // refused (the notice says why) or another tab edits
  const v = ws.variants.find((x) => x.name === POINTS_VARIANT_NAME);
  if (!v) return;
  ctl.setActive(v.id);
  ctl.setCompare([BASELINE, v.id]);
}

/**
 * What if a points pool's institutions (all, or one level) reported x% more points: asked of the
 * shown scenario's column worker (engine/point-inflation.ts), the answer kept with the run it is of.
 */
export async function runPointInflation(ctl: Controller, query: PointInflationQuery): Promise<void> {
  const ref = ctl.state.active;
  const prev = ctl.state.inflation;
  ctl.set({ inflation: { ref, key: prev?.key ?? -1, query, result: prev?.ref === ref ? prev.result : null, busy: true, error: null } });
  try {
    const out = await ctl.runs.pointInflation(query);
    if (ctl.state.active !== ref) return;
    ctl.set({ inflation: { ref, key: out?.key ?? -1, query, result: out?.result ?? null, busy: false, error: null } });
  } catch (e) {
    if (ctl.state.active !== ref) return;
    ctl.set({ inflation: { ref, key: -1, query, result: null, busy: false, error: e instanceof Error ? e.message : String(e) } });
  }
}

let job: import('../../cases/client.ts').CaseImportJob | null = null;

/**
 * The case picker was opened: the case worker starts DuckDB-wasm (fetching and compiling its
 * ~34 MB) while the user looks for the file, instead of after it is chosen. Nothing is fetched
 * before a case list is being opened; a failure here is the import's to report.
 */
export async function warmCases(): Promise<void> {
  (await import('../../cases/client.ts')).warmCaseEngine();
}

/** Stop the import under way (its worker ends; nothing is written). */
export function cancelCases(): void {
  job?.cancel();
}

/**
 * A case list into the scenario shown (DESIGN §7): DuckDB-wasm in the case worker computes the
 * case points with the outlier rules and totals them per institution and month, reporting every
 * row that does not match; the totals are written into the scenario (src/scenario/with-points.ts,
 * the same step as `gbsim cases`) and applied only if the workspace passes the one gate — one
 * undoable edit. Rows that do not match are reported, never silently dropped; cases of
 * institutions whose pool is settled by targets are written too, and the report says their points do not count.
 */
export async function importCases(ctl: Controller, file: File): Promise<void> {
  const s = ctl.state;
  const lang = s.lang;
  const ref = s.active;
  const scenario = scenarioOf(s.ws, ref);
  const start = performance.now();
  const base: CasesState = { ref, fileName: file.name, status: 'running', progress: null, report: null, applied: null, error: null, ms: 0 };
  const done = (patch: Partial<CasesState>) => ctl.set({ cases: { ...(ctl.state.cases ?? base), ...patch, ms: Math.round(performance.now() - start) } });
  if (!scenario.policy.pools?.some((p) => p.settlement === 'points')) {
    done({ status: 'refused', error: msg(lang, 'casesNeedPoints') });
    return;
  }
  if (!scenario.catalogue?.length) {
    done({ status: 'refused', error: msg(lang, 'casesNeedCatalogue') });
    return;
  }
  if (job) job.cancel();
  ctl.set({ cases: base });
  const setup: CaseSetup = {
    hospitalIds: scenario.hospitals.map((h) => h.id),
    year: scenario.meta.year,
    catalogue: scenario.catalogue,
    thresholds: scenario.policy.points?.thresholds ?? { low: '0.5', high: '2' },
  };
  const client = await import('../../cases/client.ts');
  const mine = client.importCaseList(file, setup, (progress) => {
    if (job === mine && ctl.state.cases?.status === 'running') ctl.set({ cases: { ...ctl.state.cases, progress } });
  });
  job = mine;
  let r: CaseImportResult;
  try {
    r = await mine.result;
  } catch (e) {
    if (job !== mine) return; // a newer import took its place
    job = null;
    if (e instanceof client.CaseImportCancelled) done({ status: 'cancelled' });
    else done({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
    return;
  }
  if (job !== mine) return;
  job = null;
  if (!r.ok) {
    done({ status: 'refused', report: r.report });
    return;
  }
  const { scenario: next, written, zeroed, outside } = withImportedPoints(scenario, r.aggregation);
  const gate = await gateInWorker(replaceScenario(s.ws, ref, next));
  if (!gate.ok) {
    done({ status: 'refused', report: r.report, error: msg(lang, 'importRefusedGate', { file: file.name }) });
    ctl.notify({ kind: 'error', says: { key: 'importRefusedGate', vars: { file: file.name } }, issues: gate.issues });
    return;
  }
  if (ctl.state.ws !== s.ws) {
    done({ status: 'refused', report: r.report, error: msg(lang, 'importStale') });
    return;
  }
  ctl.replace(next, ref);
  done({ status: 'done', report: r.report, applied: { written: written.length, zeroed, outside } });
}
