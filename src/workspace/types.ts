/**
 * A workspace: one baseline scenario and its variants. A variant is the baseline plus a list
 * of changes (like a policy reform), so the tool can say exactly what changed.
 */
import type { Scenario } from '../format/types.ts';

export const WORKSPACE_FORMAT = 'gbsim-workspace';
export const WORKSPACE_VERSION = 1;

/**
 * A JSON path into a scenario, e.g. ["policy", "deposit", "rates", "hospital"] or
 * ["hospitals", 3, "lockedTarget"]. In a list of objects with ids, a segment "#H003" means the
 * element whose id is "H003": ["hospitals", "#H003", "lockedTarget"] (see paths.ts).
 */
export type JsonPath = (string | number)[];

/** Set the value at `path` (created if missing), or remove it when `remove` is true. */
export type Change =
  | { op: 'set'; path: JsonPath; value: unknown }
  | { op: 'remove'; path: JsonPath };

export interface Variant {
  id: string;
  name: string;
  changes: Change[];
}

export interface Workspace {
  format: typeof WORKSPACE_FORMAT;
  version: typeof WORKSPACE_VERSION;
  baseline: Scenario;
  /** The baseline's display name is baseline.meta.name. */
  variants: Variant[];
}

/** Which scenario is meant: the baseline or a variant by id. */
export type ScenarioRef = 'baseline' | { variant: string };
