/**
 * Undo/redo as a pure data structure of snapshots. Workspaces are immutable and share structure,
 * so a snapshot costs only what changed.
 */
import type { Workspace } from './types.ts';

export interface History<T = Workspace> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** Most undo steps kept; older ones are dropped. */
  readonly limit: number;
}

export const DEFAULT_UNDO_LIMIT = 100;

export function newHistory<T = Workspace>(present: T, limit = DEFAULT_UNDO_LIMIT): History<T> {
  return { past: [], present, future: [], limit: Math.max(1, Math.trunc(limit)) };
}

/** Record a new state; clears the redo side. Pushing the present itself changes nothing. */
export function push<T>(h: History<T>, next: T): History<T> {
  if (next === h.present) return h;
  const past = [...h.past, h.present];
  return { ...h, past: past.length > h.limit ? past.slice(past.length - h.limit) : past, present: next, future: [] };
}

/** Replace the present without a new undo step (e.g. while the same field is still being typed). */
export function replace<T>(h: History<T>, next: T): History<T> {
  return next === h.present ? h : { ...h, present: next };
}

export const canUndo = <T>(h: History<T>): boolean => h.past.length > 0;
export const canRedo = <T>(h: History<T>): boolean => h.future.length > 0;

export function undo<T>(h: History<T>): History<T> {
  if (!canUndo(h)) return h;
  return { ...h, past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (!canRedo(h)) return h;
  return { ...h, past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1) };
}
