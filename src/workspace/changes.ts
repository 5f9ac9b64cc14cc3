/**
 * Changes: what a variant holds instead of a whole scenario (like a policy reform over a baseline).
 * Path encoding (id segments such as "#H003") is described in paths.ts.
 */
export { applyChanges, ChangeError } from './apply.ts';
export { diffScenarios } from './diff.ts';
export { describeChange, formatValue, labelOf, valueAt } from './describe.ts';
export { idSegment, segmentId } from './paths.ts';
