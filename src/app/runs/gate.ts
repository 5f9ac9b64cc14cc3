/**
 * The one gate on every change this page makes to the workspace (an edit, undo, redo, a
 * variant added, renamed or deleted), in a worker of its own so a big workspace's check never
 * holds up the page or the journal. The change is kept at once (closing the tab never loses it);
 * the check follows, and a refusal takes the workspace back to the last one that passed
 * (state/store.ts: checked). Only the newest workspace is checked: one asked for while a check is
 * under way waits for it, and replaces any other waiting.
 */
import type { Workspace } from '../../workspace/types.ts';
import type { WorkspaceLoad } from '../../workspace/file.ts';
import type { WorkspaceApi } from '../../../workers/workspace.worker.ts';
import { workspaceWorker, type Hosted } from './workers.ts';

export class GateRunner {
  private h: Hosted<WorkspaceApi> | null = null;
  private next: Workspace | null = null;
  private running: Promise<void> | null = null;

  /** `done` gets each checked workspace and the gate's answer. */
  constructor(private readonly done: (ws: Workspace, r: WorkspaceLoad) => void) {}

  check(ws: Workspace): void {
    this.next = ws;
    this.running ??= this.loop().finally(() => { this.running = null; });
  }

  /** Resolves once every check asked for so far is answered (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    while (this.next) {
      const ws = this.next;
      this.next = null;
      this.h ??= workspaceWorker();
      let r: WorkspaceLoad;
      try {
        r = await this.h.api.gate(ws);
      } catch {
        // The worker failed (not the workspace): start a fresh one next time; the scheduler's runs still say what is wrong.
        this.h.worker.terminate();
        this.h = null;
        continue;
      }
      this.done(ws, r);
    }
  }
}
