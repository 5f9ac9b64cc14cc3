/** App states for the view-model tests: a store over a workspace, with results computed in this thread. */
import { Store } from '../../src/app/state/store.ts';
import type { AppState, ColumnState } from '../../src/app/state/app-state.ts';
import { compile } from '../../src/engine/compile.ts';
import { settle } from '../../src/engine/run.ts';
import { packSettlement, ResultView } from '../../src/transport/packed.ts';
import { addVariant, newWorkspace, scenarioOf, setVariantChanges } from '../../src/workspace/workspace.ts';
import type { Workspace } from '../../src/workspace/types.ts';
import { smallScenario } from '../workspace/fixture.ts';

/** A column holding the engine's result of the scenario it stands for. */
export function computed(ws: Workspace, ref: string): ColumnState {
  const scenario = scenarioOf(ws, ref);
  const model = compile(scenario);
  const packed = packSettlement(model, settle(model));
  return { status: 'ok', view: new ResultView(packed, null), scenario, out: { ok: true, key: 1, packed, ms: 1, phases: { patch: 0, compile: 0, settle: 0, pack: 0 }, scenario }, issues: [], stale: false, ms: 1 };
}

/** The small city with a variant whose hospital deposit rate is 8% (id v1). */
export function twoScenarios(): Workspace {
  const a = addVariant(newWorkspace(smallScenario()), '保证金 8%');
  return setVariantChanges(a.ws, a.id, [{ op: 'set', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' }]);
}

/** A store's state over `ws` with every shown scenario computed, changed by `patch`. */
export function stateOf(ws: Workspace, patch: Partial<AppState> = {}): AppState {
  const store = new Store(ws);
  const s = { ...store.state, ...patch };
  if (patch.cols) return s;
  const cols: Record<string, ColumnState> = {};
  for (const k of new Set([s.active, ...s.compare])) cols[k] = computed(ws, k);
  return { ...s, cols };
}
