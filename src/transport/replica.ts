/**
 * A worker's own copy of a scenario, kept in step with the page's by patches (diffPaths on the
 * page, applied here), so an edit crosses as a few changes instead of a structured clone of
 * thousands of institutions.
 */
import { applyPatch } from './patch.ts';
import type { Scenario } from '../format/types.ts';
import type { Change } from '../workspace/types.ts';

/** What the page sends: the whole scenario, or the changes since the last one it sent. */
export type ScenarioUpdate = { full: Scenario; patch?: undefined } | { full?: undefined; patch: Change[] };

export class Replica {
  private held: Scenario | null = null;

  /** The held scenario after the update (null when a patch arrives before any full send). */
  apply(u: ScenarioUpdate): Scenario | null {
    if (u.full) this.held = u.full;
    else if (this.held) applyPatch(this.held as unknown as Record<string, unknown>, u.patch);
    return this.held;
  }

  get current(): Scenario | null {
    return this.held;
  }
}
