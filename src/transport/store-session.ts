/**
 * The saver's side (hosted by workers/workspace.worker.ts): its own copy of the baseline,
 * updated by patches, written to IndexedDB with the rest of the workspace.
 */
import { Replica, type ScenarioUpdate } from './replica.ts';
import { saveCurrent } from '../workspace/persist.ts';
import type { Workspace } from '../workspace/types.ts';

export type PersistRequest = ScenarioUpdate & { rest: Omit<Workspace, 'baseline'> };

export class StoreSession {
  private readonly baseline = new Replica();

  async persist(req: PersistRequest): Promise<void> {
    const saved = this.baseline.apply(req);
    if (!saved) throw new Error('no baseline to save');
    await saveCurrent({ ...req.rest, baseline: saved } as Workspace);
  }
}
