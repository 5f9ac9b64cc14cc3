/**
 * The one gate on every change this page makes to the workspace (an edit, undo, redo, a
 * variant added, renamed or deleted), in a worker of its own so a big workspace's check never
 * holds up the page or the journal. The change is kept at once (closing the tab never loses it);
 * the check follows, and a refusal takes the workspace back to the last one that passed
 * (state/store.ts: checked). Only the newest workspace is checked: one asked for while a check is
 * under way waits for it, and replaces any other waiting. The worker keeps the last workspace
 * sent and gets each next one as a patch (transport/gate-session.ts): the page's part of a check
 * of 3,000 institutions is a diff of a few paths, not two structured clones of the workspace.
 *
 * The check waits for the edits to pause (QUIET_MS): a full check of 3,000 institutions in three
 * scenarios costs the worker ~40 ms, and run after every edit of a burst it took a core from the
 * runs the user is waiting for (on a busy PC, the results came twice as late). The change shown
 * and kept does not wait for the check; only the newest workspace of the burst is checked.
 */
import type { Workspace } from '../../workspace/types.ts';
import type { Issue } from '../../format/issues.ts';
import { updateOf } from '../../transport/patch.ts';
import type { GateAnswer, WorkspaceUpdate } from '../../transport/gate-session.ts';
import type { WorkspaceApi } from '../../../workers/workspace.worker.ts';
import { workspaceWorker, type Hosted } from './workers.ts';

/** How long the edits must pause before the check runs. */
export const QUIET_MS = 250;

export class GateRunner {
  private h: Hosted<WorkspaceApi> | null = null;
  private next: Workspace | null = null;
  private running: Promise<void> | null = null;
  /** The workspace the worker holds (null: send it whole). */
  private sent: Workspace | null = null;
  /** When the newest check was asked for. */
  private asked = 0;

  /** `done` gets each checked workspace and the gate's answer. */
  constructor(
    private readonly done: (ws: Workspace, r: { ok: true } | { ok: false; issues: Issue[] }) => void,
    private readonly start: () => Hosted<WorkspaceApi> = workspaceWorker,
    private readonly quietMs = QUIET_MS,
  ) {}

  check(ws: Workspace): void {
    this.next = ws;
    this.asked = performance.now();
    this.running ??= this.loop().finally(() => { this.running = null; });
  }

  /** Resolves once every check asked for so far is answered (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    while (this.next) {
      await this.quiet();
      const ws = this.next;
      this.next = null;
      this.h ??= this.start();
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

  /** Resolves once no check has been asked for during the last `quietMs`. */
  private async quiet(): Promise<void> {
    for (let wait = this.quietMs; wait > 0; wait = this.asked + this.quietMs - performance.now()) {
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  /** A patch from the workspace the worker holds, or the whole workspace when a patch would not do. */
  private update(ws: Workspace): WorkspaceUpdate {
    const u = updateOf(this.sent, ws);
    this.sent = ws;
    return u;
  }
}
