import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario, saveScenario } from '../../src/format/load.ts';
import { formatAmount, formatPercent, groupDigits, shiftRound, subtractAmounts } from '../../src/format/display.ts';

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

describe('display of amounts', () => {
  it('groups digits without touching the value', () => {
    expect(groupDigits('1234567.89')).toBe('1,234,567.89');
    expect(groupDigits('-1000.00')).toBe('-1,000.00');
    expect(groupDigits('999.99')).toBe('999.99');
  });

  it('shows 万元 rounded half-up on the digits', () => {
    expect(formatAmount('12345678.90', 'wan')).toBe('1,234.57');
    expect(formatAmount('50.00', 'wan')).toBe('0.01');
    expect(formatAmount('49.99', 'wan')).toBe('0.00');
    expect(formatAmount('-150.00', 'wan')).toBe('-0.02');
    expect(formatAmount('-45.00', 'wan')).toBe('0.00');
    expect(shiftRound('99999999999.99', 4, 2)).toBe('10000000.00');
  });

  it('percentages and exact differences', () => {
    expect(formatPercent('0.1234')).toBe('12.34%');
    expect(formatPercent(null)).toBe('—');
    expect(subtractAmounts('10.00', '12.35')).toBe('-2.35');
    expect(subtractAmounts('0.10', '0.10')).toBe('0.00');
    expect(subtractAmounts('90071992547409.91', '0.01')).toBe('90071992547409.90');
  });
});
