/**
 * The write-ahead journal that makes an edit durable the moment it is accepted. The page writes
 * one small entry per change (the baseline's patch and the rest of the workspace) in the task
 * that accepts it; a snapshot of the whole workspace ("current") is written a moment later, and
 * in the same transaction the entries it covers are deleted. Restoring = the snapshot + the
 * entries after it. So a tab closed (or a browser killed) at any moment after an edit keeps it.
 *
 * Keys in the "kv" store: "current" → Snapshot; "wal-<seq, 12 digits>" → JournalEntry.
 */
import type { Scenario } from '../format/types.ts';
import type { Change, Workspace } from './types.ts';
import type { KvOp } from './kv.ts';
import { isPlainObject } from '../format/json.ts';

export const JOURNAL_PREFIX = 'wal-';
export const journalKey = (seq: number): string => `${JOURNAL_PREFIX}${String(seq).padStart(12, '0')}`;

/** The workspace without its baseline: variants (with their changes) and any extra fields. */
export type WorkspaceRest = Omit<Workspace, 'baseline'>;

/** The baseline in full, or the changes since the previous entry's baseline (plain index paths). */
export type BaselineUpdate = { full: Scenario; patch?: undefined } | { full?: undefined; patch: Change[] };

export interface JournalEntry {
  seq: number;
  /** ISO time of the change. */
  at: string;
  base: BaselineUpdate;
  rest: WorkspaceRest;
}

/** The stored workspace: the file text, when and up to which journal entry it was written. */
export interface Snapshot {
  text: string;
  savedAt: string;
  /** The last journal entry it includes (0 or absent: none). */
  seq?: number;
  meta?: Record<string, unknown>;
}

export function isSnapshot(v: unknown): v is Snapshot {
  return isPlainObject(v) && typeof v.text === 'string' && typeof v.savedAt === 'string' && (v.seq === undefined || Number.isSafeInteger(v.seq));
}

export function isJournalEntry(v: unknown): v is JournalEntry {
  return isPlainObject(v) && Number.isSafeInteger(v.seq) && typeof v.at === 'string' && isPlainObject(v.base) && isPlainObject(v.rest)
    && (isPlainObject(v.base.full) || Array.isArray(v.base.patch));
}

/** Writing a snapshot that includes entries up to `seq`: the record and the deletion of those entries, in one transaction. */
export function snapshotOps(key: string, snap: Snapshot): KvOp[] {
  const seq = snap.seq ?? 0;
  return [{ put: key, value: snap }, ...(seq > 0 ? [{ delRange: [journalKey(0), journalKey(seq)] as [string, string] }] : [])];
}
