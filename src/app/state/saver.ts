/**
 * Keeping the workspace in this browser, durably. Every change the store accepts is journaled
 * here in the same task (one small IndexedDB entry: the baseline's patch and the variants), so
 * closing the tab at any moment after an edit loses nothing; the workspace worker gets the same
 * entry, keeps its own copy and writes the full snapshot a moment after the last change.
 */
import type { Workspace } from '../../workspace/types.ts';
import type { Scenario } from '../../format/types.ts';
import type { KV } from '../../workspace/kv.ts';
import { journalKey, type JournalEntry } from '../../workspace/journal.ts';
import { workspaceWorker, type Hosted } from '../runs/workers.ts';
import type { WorkspaceApi } from '../../../workers/workspace.worker.ts';
import type { StoredState } from '../../transport/store-session.ts';
import { updateOf } from '../../transport/patch.ts';

/** Above this many changes an entry carries the whole baseline (cheaper to apply, same size). */
const MAX_PATCH = 1000;

export class Saver {
  private h: Hosted<WorkspaceApi> | null = null;
  private kv: KV | null = null;
  private last: Workspace | null = null;
  private seq = 0;
  private writes = new Set<Promise<void>>();
  /** A journal write failed (quota, private mode): the page must say so. */
  onError: ((e: unknown) => void) | null = null;
  /** The journal has caught up (true) or a write is under way (false). */
  onSaved: ((saved: boolean) => void) | null = null;

  private get api() {
    this.h ??= workspaceWorker();
    return this.h.api;
  }

  /** Read the stored workspace (snapshot + journal, through the gate) in the worker. */
  restore(own: boolean): Promise<StoredState> {
    return this.api.restore(own);
  }

  /** Start journaling into `kv` after entry `seq`, from `ws` (what restore gave, or null). */
  attach(kv: KV, seq: number, ws: Workspace | null): void {
    this.kv = kv;
    this.seq = seq;
    this.last = ws;
  }

  /** Stop journaling (this page no longer edits the stored workspace). */
  detach(): void {
    this.kv = null;
    this.last = null;
  }

  get attached(): boolean {
    return this.kv !== null;
  }

  /** Journal `ws` now (the write is issued before this returns) and hand it to the worker. */
  schedule(ws: Workspace): void {
    if (!this.kv || ws === this.last) return;
    const { baseline, ...rest } = ws;
    const entry: JournalEntry = { seq: ++this.seq, at: new Date().toISOString(), base: this.update(baseline), rest };
    this.last = ws;
    const w = this.kv.put(journalKey(entry.seq), entry);
    this.writes.add(w);
    this.onSaved?.(false);
    w.catch((e: unknown) => { console.error('the change could not be kept in this browser', e); this.onError?.(e); })
      .finally(() => { this.writes.delete(w); if (!this.writes.size) this.onSaved?.(true); });
    void this.api.journaled(entry).catch((e: unknown) => console.error('autosave failed', e));
  }

  private update(baseline: Scenario): JournalEntry['base'] {
    return updateOf(this.last?.baseline ?? null, baseline, MAX_PATCH);
  }

  /** Every journal write so far done, and the snapshot written. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.writes]);
    if (this.h) await this.api.flush();
  }
}
