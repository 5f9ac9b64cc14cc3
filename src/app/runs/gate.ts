/**
 * The one gate on every change this page makes to the workspace (an edit, undo, redo, a
 * variant added, renamed or deleted), in a worker of its own so a big workspace's check never
 * holds up the page or the journal. The change is kept at once (closing the tab never loses it);
 * the check follows, and a refusal takes the workspace back to the last one that passed
 * (state/store.ts: checked). Only the newest workspace is checked: one asked for while a check is
 * under way waits for it, and replaces any other waiting. The worker keeps the last workspace
 * sent and gets each next one as a patch (transport/gate-session.ts): the page's part of a check
 * of 3,000 institutions is a diff of a few paths, not two structured clones of the workspace.
 */
import type { Workspace } from '../../workspace/types.ts';
import type { Issue } from '../../format/issues.ts';
import { updateOf } from '../../transport/patch.ts';
import type { GateAnswer, WorkspaceUpdate } from '../../transport/gate-session.ts';
import type { WorkspaceApi } from '../../../workers/workspace.worker.ts';
import { workspaceWorker, type Hosted } from './workers.ts';

export class GateRunner {
  private h: Hosted<WorkspaceApi> | null = null;
  private next: Workspace | null = null;
  private running: Promise<void> | null = null;
  /** The workspace the worker holds (null: send it whole). */
  private sent: Workspace | null = null;

  /** `done` gets each checked workspace and the gate's answer. */
  constructor(private readonly done: (ws: Workspace, r: { ok: true } | { ok: false; issues: Issue[] }) => void) {}

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
      let r: GateAnswer;
      try {
        r = await this.h.api.check(this.update(ws));
        if ('resend' in r) r = await this.h.api.check({ full: ws });
      } catch {
        // The worker failed (not the workspace): start a fresh one next time; the scheduler's runs still say what is wrong.
        this.h.worker.terminate();
        this.h = null;
        this.sent = null;
        continue;
      }
      if ('resend' in r) continue;
      this.done(ws, r);
    }
  }

  /** A patch from the workspace the worker holds, or the whole workspace when a patch would not do. */
  private update(ws: Workspace): WorkspaceUpdate {
    const u = updateOf(this.sent, ws);
    this.sent = ws;
    return u;
  }
}
