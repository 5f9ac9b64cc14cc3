/**
 * The page's controller: the store (state and undoable edits) wired to the scheduler (which
 * scenarios run where). What components ask for reaches it through handle-action.ts.
 */
import type { Workspace } from '../../workspace/types.ts';
import type { RefKey } from '../../workspace/workspace.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { Scheduler, type ColumnLike } from '../runs/scheduler.ts';
import { Store } from './store.ts';
import { YearsRunner } from '../runs/years.ts';
import { SweepRunner } from '../runs/sweeps.ts';
import { RiskRunner } from '../runs/risk.ts';

export class Controller extends Store {
  readonly runs: Scheduler;
  /** Several years of the scenarios shown, while the years tab is. */
  readonly years: YearsRunner;
  /** Sweeps and tornados started from the sweeps tab. */
  readonly sweeps: SweepRunner;
  /** Monte Carlo runs started from the risk tab. */
  readonly risk: RiskRunner;

  constructor(ws: Workspace, prefs: { lang?: Lang; unit?: Unit } = {}, makeColumn?: () => ColumnLike) {
    super(ws, prefs);
    this.runs = new Scheduler(this, makeColumn);
    this.onInputs = () => this.runs.schedule();
    this.years = new YearsRunner(this);
    this.sweeps = new SweepRunner(this);
    this.risk = new RiskRunner(this);
    this.onChanged = () => {
      if (this.state.tab === 'hospital') this.runs.refreshBrief();
      if (this.state.tab === 'years') this.years.refresh();
      if (this.state.tab === 'monitor') this.runs.refreshMonitor();
    };
    this.runs.schedule();
  }

  override setActive(active: RefKey): void {
    super.setActive(active);
    this.runs.activeChanged(active);
  }

  fingerprints(): Promise<Record<RefKey, string>> {
    return this.runs.fingerprints();
  }
}
