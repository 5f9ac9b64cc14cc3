/**
 * The one gate's side in the workspace worker (workers/workspace.worker.ts) for the page's own
 * changes: the worker keeps its copy of the last workspace checked and gets each change as a
 * patch (diffPaths on the page), so an edit of a 3,000-institution workspace crosses as a few
 * changes instead of a structured clone of it, and the answer is only pass or the issues (the
 * page holds the workspace already). Patches are applied copy-on-write: the checks' caches keyed
 * by a list or an object (workspace/ids.ts, scenarioOf) never see a container changed in place.
 */
import { removeIn, setIn } from '../workspace/edit.ts';
import { validateWorkspace } from '../workspace/file.ts';
import type { Issue } from '../format/issues.ts';
import type { Change, Workspace } from '../workspace/types.ts';

/** What the page sends: the whole workspace, or the changes since the last one it sent. */
export type WorkspaceUpdate = { full: Workspace; patch?: undefined } | { full?: undefined; patch: Change[] };

/** Passed, refused (why), or `resend`: a patch came with no workspace held (a fresh worker). */
export type GateAnswer = { ok: true } | { ok: false; issues: Issue[] } | { ok: false; resend: true };

export class GateSession {
  private held: Workspace | null = null;

  check(u: WorkspaceUpdate): GateAnswer {
    if (u.full) this.held = u.full;
    else if (!this.held) return { ok: false, resend: true };
    else this.held = u.patch.reduce<Workspace>((w, c) => (c.op === 'set' ? setIn(w, c.path, c.value) : removeIn(w, c.path)), this.held);
    const r = validateWorkspace(this.held);
    return r.ok ? { ok: true } : { ok: false, issues: r.issues };
  }
}
