/**
 * A workspace: one baseline scenario and its variants. A variant is the baseline plus a list
 * of changes (like a policy reform), so the tool can say exactly what changed.
 */
import type { Scenario } from '../format/types.ts';
import type { Path } from '../format/path.ts';

export const WORKSPACE_FORMAT = 'gbsim-workspace';
export const WORKSPACE_VERSION = 1;

/**
 * Paths of changes (format/path.ts's Path), e.g. ["policy", "deposit", "rates", "hospital"] or
 * ["hospitals", 3, "lockedTarget"]. In a list of objects with ids, a segment "#H003" means the
 * element whose id is "H003": ["hospitals", "#H003", "lockedTarget"] (see paths.ts).
 */

/** Set the value at `path` (created if missing), or remove it when `remove` is true. */
export type Change =
  | { op: 'set'; path: Path; value: unknown }
  | { op: 'remove'; path: Path };

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

/**
 * Which scenario is meant: "baseline", or a variant's id (a variant may never be called
 * "baseline": the file check refuses it). One reference scheme for the workspace, the page,
 * the files' fingerprints and the comparison.
 */
export type RefKey = string;
export const BASELINE: RefKey = 'baseline';
