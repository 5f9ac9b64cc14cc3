/**
 * Autosave off the page's thread: a worker keeps its own copy of the baseline, updated by small
 * patches, and writes the workspace to IndexedDB a moment after the last change.
 */
import type { Workspace } from '../../workspace/types.ts';
import type { Scenario } from '../../format/types.ts';
import { workspaceWorker } from '../runs/workers.ts';
import { diffPaths } from '../../transport/patch.ts';

export class Saver {
  private h: ReturnType<typeof workspaceWorker> | null = null;
  private sent: Scenario | null = null;
  private pending: Workspace | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly delayMs = 600) {}

  /** Remember the latest workspace and (re)start the delay. */
  schedule(ws: Workspace): void {
    this.pending = ws;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Write the latest scheduled workspace now; resolves when every write so far is done. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    const ws = this.pending;
    if (!ws) return this.chain;
    this.pending = null;
    this.h ??= workspaceWorker();
    const { baseline, ...rest } = ws;
    const patch = this.sent ? diffPaths(this.sent, baseline) : null;
    const full = patch === null || patch.length > 1000 || patch.some((p) => p.path.length === 0);
    this.sent = baseline;
    const api = this.h.api;
    this.chain = this.chain
      .then(() => api.persist(full ? { full: baseline, rest } : { patch: patch!, rest }))
      .catch((e: unknown) => {
        this.sent = null; // resend in full next time
        console.error('autosave failed', e);
      });
    return this.chain;
  }
}
