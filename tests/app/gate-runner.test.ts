/**
 * The gate's runner on the page (src/app/runs/gate.ts) against a fake worker hosting the real
 * GateSession: a burst of edits is checked once, for its newest workspace, after the edits
 * pause; the worker gets the workspace whole once and patches after; a refusal reaches the
 * store's answer; a worker that fails is replaced and the workspace sent whole again.
 */
import { describe, expect, it } from 'vitest';
import { GateRunner } from '../../src/app/runs/gate.ts';
import { GateSession, type WorkspaceUpdate } from '../../src/transport/gate-session.ts';
import { editAt } from '../../src/workspace/edit.ts';
import type { Workspace } from '../../src/workspace/types.ts';
import type { Hosted } from '../../src/app/runs/workers.ts';
import type { WorkspaceApi } from '../../workers/workspace.worker.ts';
import type { Issue } from '../../src/format/issues.ts';
import { twoScenarios } from './fixture.ts';

const QUIET = 30;

/** A worker in this thread: what it was sent, and a switch to make its next call fail. */
function fakeWorkers() {
  const sent: WorkspaceUpdate[] = [];
  let started = 0;
  let terminated = 0;
  let failNext = false;
  const start = (): Hosted<WorkspaceApi> => {
    started++;
    const session = new GateSession();
    const api = {
      check: async (u: WorkspaceUpdate) => {
        sent.push(u);
        if (failNext) { failNext = false; throw new Error('worker crashed'); }
        return session.check(u);
      },
    };
    return { worker: { terminate: () => { terminated++; } } as unknown as Worker, api: api as unknown as Hosted<WorkspaceApi>['api'] };
  };
  return { start, sent, started: () => started, terminated: () => terminated, failOnce: () => { failNext = true; } };
}

function runner() {
  const fake = fakeWorkers();
  const answers: { ws: Workspace; issues: Issue[] | null }[] = [];
  const gate = new GateRunner((ws, r) => answers.push({ ws, issues: r.ok ? null : r.issues }), fake.start, QUIET);
  return { gate, fake, answers };
}

const rate = (ws: Workspace, v: string) => editAt(ws, 'baseline', ['fund', 'adjustmentFundRate'], v);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the gate runner', () => {
  it('checks a burst of edits once, the newest, after they pause', async () => {
    const { gate, fake, answers } = runner();
    let ws = twoScenarios();
    for (const v of ['0.031', '0.032', '0.033', '0.034']) {
      ws = rate(ws, v);
      gate.check(ws);
      await sleep(QUIET / 3);
    }
    expect(fake.sent).toHaveLength(0); // still typing: nothing checked yet
    await gate.idle();
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]!.full).toBe(ws);
    expect(answers).toEqual([{ ws, issues: null }]);
  });

  it('sends the workspace whole once, then only what changed', async () => {
    const { gate, fake, answers } = runner();
    const ws1 = rate(twoScenarios(), '0.031');
    gate.check(ws1);
    await gate.idle();
    const ws2 = rate(ws1, '0.045');
    gate.check(ws2);
    await gate.idle();
    expect(fake.sent[0]!.full).toBe(ws1);
    expect(fake.sent[1]!.patch).toEqual([{ op: 'set', path: ['baseline', 'fund', 'adjustmentFundRate'], value: '0.045' }]);
    expect(answers.map((a) => a.issues)).toEqual([null, null]);
  });

  it('passes a refusal on, with the reasons of the full check', async () => {
    const { gate, answers } = runner();
    const bad = editAt(twoScenarios(), 'baseline', ['policy', 'pools', 0, 'share'], '0.9');
    gate.check(bad);
    await gate.idle();
    expect(answers).toHaveLength(1);
    expect(answers[0]!.ws).toBe(bad);
    expect(answers[0]!.issues?.length).toBeGreaterThan(0);
  });

  it('replaces a worker that fails and sends the workspace whole to the new one', async () => {
    const { gate, fake, answers } = runner();
    const ws1 = rate(twoScenarios(), '0.031');
    gate.check(ws1);
    await gate.idle();
    fake.failOnce();
    const ws2 = rate(ws1, '0.032');
    gate.check(ws2);
    await gate.idle();
    expect(fake.terminated()).toBe(1);
    // The failed check is not answered; the next one starts a fresh worker, sent the workspace whole.
    const ws3 = rate(ws2, '0.033');
    gate.check(ws3);
    await gate.idle();
    expect(fake.started()).toBe(2);
    expect(fake.sent.at(-1)!.full).toBe(ws3);
    expect(answers.map((a) => a.ws)).toEqual([ws1, ws3]);
  });
});
