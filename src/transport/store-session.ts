/**
 * The saver's side (hosted by workers/workspace.worker.ts). The page journals every change itself
 * (workspace/journal.ts) and sends the same entry here; this session keeps its own copy of the
 * workspace, updated by those entries, and writes the snapshot a moment after the last one (or
 * at once on flush), deleting the entries it covers in the same transaction.
 *
 * Restoring reads the snapshot and the journal after it, replays them and passes the result
 * through the gate (the workspace loader). It never writes over a stored workspace that fails:
 * the page is told what is wrong and gets the stored text as it is.
 */
import { applyPatch } from './patch.ts';
import { openStore, CURRENT_KEY, createAutosave, type Autosaver, type KV } from '../workspace/persist.ts';
import { isJournalEntry, isSnapshot, JOURNAL_PREFIX, snapshotOps, type JournalEntry, type WorkspaceRest } from '../workspace/journal.ts';
import { saveWorkspace, validateWorkspace } from '../workspace/file.ts';
import { parseJson, isPlainObject, type JsonObject } from '../format/json.ts';
import type { Issue } from '../format/issues.ts';
import type { Scenario } from '../format/types.ts';
import type { Workspace } from '../workspace/types.ts';
import { versionOps } from '../workspace/version-store.ts';

export type StoredState =
  | { status: 'empty'; seq: number }
  | { status: 'ok'; ws: Workspace; seq: number; savedAt: string; replayed: number; dropped: number }
  | { status: 'corrupt'; seq: number; issues: Issue[]; text: string | null }
  | { status: 'unavailable'; message: string };

export class StoreSession {
  private baseline: Scenario | null = null;
  private rest: WorkspaceRest | null = null;
  private seq = 0;
  /** The workspace of the last durable save (what the next version's summary is against). */
  private saved: Workspace | null = null;
  private readonly saver: Autosaver;

  constructor(private readonly store: () => Promise<KV> = () => openStore(), delayMs = 600) {
    this.saver = createAutosave((ws, meta) => this.write(ws, Number(meta?.seq ?? 0)), { delayMs });
  }

  /** An entry the page has journaled: apply it to our copy and schedule the snapshot. */
  journaled(e: JournalEntry): void {
    if (e.base.full) this.baseline = e.base.full;
    else if (this.baseline) applyPatch(this.baseline as unknown as Record<string, unknown>, e.base.patch);
    else throw new Error('a journal patch arrived before any baseline');
    this.rest = e.rest;
    this.seq = e.seq;
    this.saver.schedule({ ...this.rest, baseline: this.baseline } as Workspace, { seq: e.seq });
  }

  /** Write the pending snapshot now; resolves when every write so far is done. */
  flush(): Promise<void> {
    return this.saver.flush();
  }

  private async write(ws: Workspace, seq: number): Promise<void> {
    const kv = await this.store();
    // Never over a newer stored workspace (another tab's, should two ever write): the newer one stays.
    const cur = await kv.get(CURRENT_KEY);
    if (isSnapshot(cur) && (cur.seq ?? 0) > seq) return;
    const text = saveWorkspace(ws);
    const snap = snapshotOps(CURRENT_KEY, { text, savedAt: new Date().toISOString(), seq });
    // Each durable save is also a version (workspace/versions.ts); the history never stands in the
    // way of the save: if it cannot be read or written, the snapshot is written alone.
    let ops: Awaited<ReturnType<typeof versionOps>> = [];
    try {
      ops = await versionOps(kv, this.saved, ws, text, seq);
    } catch (e) {
      console.error('the version history could not be read; this save is kept without a version', e);
    }
    try {
      await kv.batch([...snap, ...ops]);
    } catch (e) {
      if (!ops.length) throw e;
      console.error('the version could not be written; the save is kept without it', e);
      await kv.batch(snap);
    }
    this.saved = structuredClone(ws);
  }

  /**
   * The stored workspace: snapshot + journal, through the gate. When the latest entries make a
   * workspace the gate refuses (an edit refused after the tab had journaled it), the longest
   * prefix that passes is used and the rest counted as dropped. `own`: this page edits, so it
   * takes the result as its copy and writes a fresh snapshot when entries were replayed.
   */
  async restore(own: boolean): Promise<StoredState> {
    let kv: KV;
    let rec: unknown;
    let raw: [string, unknown][];
    try {
      kv = await this.store();
      [rec, raw] = await Promise.all([kv.get(CURRENT_KEY), kv.entries(JOURNAL_PREFIX)]);
    } catch (e) {
      return { status: 'unavailable', message: (e as Error).message };
    }
    const entries = raw.map(([, v]) => v).filter(isJournalEntry).sort((a, b) => a.seq - b.seq);
    const lastSeq = Math.max(0, isSnapshot(rec) ? rec.seq ?? 0 : 0, ...entries.map((e) => e.seq));
    if (rec === undefined && entries.length === 0) return { status: 'empty', seq: lastSeq };
    const text = isSnapshot(rec) ? rec.text : rec === undefined ? null : typeof rec === 'string' ? rec : safeJson(rec);
    let doc: JsonObject | null = null;
    if (rec !== undefined) {
      if (!isSnapshot(rec)) return { status: 'corrupt', seq: lastSeq, text, issues: [{ path: '', message: 'the stored value is not a saved workspace' }] };
      const j = parseJson(rec.text);
      if (!j.ok) return { status: 'corrupt', seq: lastSeq, text, issues: j.issues };
      if (!isPlainObject(j.value)) return { status: 'corrupt', seq: lastSeq, text,
        issues: [{ path: '', message: 'the stored value is not a saved workspace' }] };
      doc = j.value;
    }
    const after = entries.filter((e) => e.seq > (isSnapshot(rec) ? rec.seq ?? 0 : 0));
    let firstIssues: Issue[] | null = null;
    for (let n = after.length; n >= 0; n--) {
      const d = replay(doc, after.slice(0, n));
      if (!d) continue;
      const r = validateWorkspace(d);
      if (r.ok) {
        if (own) {
          this.baseline = r.ws.baseline;
          const { baseline: _b, ...rest } = r.ws;
          this.rest = rest;
          this.seq = lastSeq;
          this.saved = structuredClone(r.ws);
          if (after.length) await this.write(r.ws, lastSeq);
        }
        return { status: 'ok', ws: r.ws, seq: lastSeq, savedAt: isSnapshot(rec) ? rec.savedAt : '', replayed: n, dropped: after.length - n };
      }
      // What is wrong with the stored workspace itself (the snapshot), or else with the latest state.
      if (n === 0 || firstIssues === null) firstIssues = r.issues;
    }
    return { status: 'corrupt', seq: lastSeq, text, issues: firstIssues ?? [{ path: '', message: 'the stored changes cannot be replayed' }] };
  }
}

/** The snapshot's document with the entries applied (a copy), or null when they do not apply. */
function replay(doc: JsonObject | null, entries: readonly JournalEntry[]): JsonObject | null {
  let d: JsonObject | null = doc && structuredClone(doc);
  try {
    for (const e of entries) {
      let baseline: unknown = d?.baseline;
      if (e.base.full) baseline = structuredClone(e.base.full);
      else if (isPlainObject(baseline)) applyPatch(baseline, e.base.patch);
      else return null;
      d = { ...structuredClone(e.rest), baseline };
    }
  } catch {
    return null;
  }
  return d;
}

function safeJson(v: unknown): string | null {
  try {
    return JSON.stringify(v, null, 2) ?? null;
  } catch {
    return null;
  }
}
