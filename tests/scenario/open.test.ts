import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario, saveScenario } from '../../src/scenario/open.ts';

const text = readFileSync('scenarios/reward-cap.json', 'utf8');

describe('scenario files', () => {
  it('keep unknown fields through load and save, at every level', () => {
    const doc = JSON.parse(text);
    doc.x_bureauNote = { by: '财务科', reviewed: true };
    doc.fund.x_source = '2025 预算批复';
    doc.hospitals[0].x_contract = 'HT-2025-001';
    doc.policy.surplus.x_comment = 'kept';
    const r = loadScenario(JSON.stringify(doc));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const again = JSON.parse(saveScenario(r.scenario));
    expect(again.x_bureauNote).toEqual({ by: '财务科', reviewed: true });
    expect(again.fund.x_source).toBe('2025 预算批复');
    expect(again.hospitals[0].x_contract).toBe('HT-2025-001');
    expect(again.policy.surplus.x_comment).toBe('kept');
  });

  it('save → load is a fixed point', () => {
    const r = loadScenario(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const saved = saveScenario(r.scenario);
    const r2 = loadScenario(saved);
    expect(r2.ok && saveScenario(r2.scenario)).toBe(saved);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(loadScenario(`\uFEFF${text}`).ok).toBe(true);
  });

  it('normalises numeric rates to decimal strings', () => {
    const doc = JSON.parse(text);
    doc.fund.riskReserveRate = 0.02;
    const r = loadScenario(JSON.stringify(doc));
    expect(r.ok && r.scenario.fund.riskReserveRate).toBe('0.02');
  });
});
