/**
 * The risk tab's spreads (σc, σh, σh by category) and overspend line are rates: typed and shown
 * as percentages like every rate field (「8」 or 「8%」 → 0.08 in the file, which keeps them as
 * JSON numbers), exactly (no float noise), the range said in percent; the defaults line in percent.
 */
import { describe, expect, it } from 'vitest';
import { stateOf, twoScenarios } from './fixture.ts';
import { riskFileValue, riskView } from '../../src/app/views/risk.ts';
import { editedText, restingText, typedValue } from '../../src/app/views/field-text.ts';
import { PERCENT_KINDS } from '../../src/app/views/validate-field.ts';
import { msg } from '../../src/app/i18n/index.ts';
import { editAt } from '../../src/workspace/edit.ts';
import { scenarioOf } from '../../src/workspace/workspace.ts';
import { numberToPlain } from '../../src/format/numbers.ts';
import type { Workspace } from '../../src/workspace/types.ts';

const RISK = ['analysis', 'risk'];

/** What a field of kind `kind` makes of `typed`, written into the file as the risk element writes it. */
function typedInto(ws: Workspace, field: (string | number)[], kind: 'pct' | 'pctTen', typed: string): Workspace {
  const r = typedValue(kind, typed, true);
  if (!r.ok) throw new Error(`refused: ${typed}`);
  return editAt(ws, 'baseline', [...RISK, ...field], riskFileValue(r.value));
}

describe('risk view: spreads and the overspend line in percent', () => {
  it('shows the defaults in percent, and the fields’ values as the file’s exact decimals, edited as percentages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const v = riskView(stateOf(twoScenarios(), { tab: 'risk', lang }));
      expect(v.defaults).toMatchObject({ c: '3%', h: '5%', t: '10%', seed: 1 });
      expect(msg(lang, 'riskDefaults', v.defaults)).toContain('σc = 3%');
      expect(msg(lang, 'riskDefaults', v.defaults)).not.toContain('0.03');
      expect(v.rates).toEqual({ sigmaCommon: '0.03', sigma: '0.05', overspendThreshold: '0.1' });
      expect(editedText('pct', v.rates.sigmaCommon)).toBe('3');
      expect(restingText('pct', v.rates.sigma)).toBe('5');
      expect(editedText('pctTen', v.rates.overspendThreshold)).toBe('10');
      expect(PERCENT_KINDS.has('pctTen')).toBe(true);
    }
  });

  it('a typed 「8%」 or 「8」 is 0.08 in the file, shown back as 「8」 (as fund.adjustmentFundRate)', () => {
    for (const typed of ['8%', '8', ' 8 %', '８']) {
      let ws = twoScenarios();
      ws = typedInto(ws, ['sigmaCommon'], 'pct', typed);
      ws = typedInto(ws, ['sigma'], 'pct', typed);
      ws = typedInto(ws, ['overspendThreshold'], 'pctTen', typed);
      ws = typedInto(ws, ['sigmaByCategory', 'general'], 'pct', typed);
      const risk = scenarioOf(ws, 'baseline').analysis?.risk;
      expect(risk).toEqual({ sigmaCommon: 0.08, sigma: 0.08, overspendThreshold: 0.08, sigmaByCategory: { general: 0.08 } });
      const v = riskView(stateOf(ws, { tab: 'risk' }));
      expect(v.rates).toEqual({ sigmaCommon: '0.08', sigma: '0.08', overspendThreshold: '0.08' });
      expect(editedText('pct', v.rates.sigmaCommon)).toBe('8');
      expect(editedText('pctTen', v.rates.overspendThreshold)).toBe('8');
      // The same text as the params tab's fund.adjustmentFundRate shows for the 8% it keeps as "0.08".
      expect(editedText('pct', v.rates.sigma)).toBe(editedText('pct', '0.08'));
      expect(v.categories.find((c) => c.key === 'general')?.value).toBe('0.08');
      expect(editedText('pct', v.categories.find((c) => c.key === 'general')?.value)).toBe('8');
      expect(v.categories.find((c) => c.key === 'tcm')?.value).toBeUndefined();
      expect(v.paramIssues).toEqual({});
    }
  });

  it('exactly: 3% is 0.03, 0.25% is 0.0025, 12.5% is 0.125 — and every percentage to two decimals reads back as typed', () => {
    const cases: [string, number][] = [['3', 0.03], ['0.25%', 0.0025], ['12.5', 0.125], ['10', 0.1], ['100%', 1], ['0', 0], ['7%', 0.07], ['0.1', 0.001]];
    for (const [typed, file] of cases) {
      const r = typedValue('pct', typed, false);
      expect(r.ok && riskFileValue(r.value)).toBe(file);
    }
    // No float noise for any percentage with up to two decimals (0% … 100%): typed → file number → shown.
    for (let k = 0; k <= 10_000; k++) {
      const typed = `${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}`;
      const r = typedValue('pct', typed, false);
      if (!r.ok) throw new Error(typed);
      const shown = editedText('pct', numberToPlain(riskFileValue(r.value) as number));
      expect(shown).toBe(typed.replace(/\.?0+$/, '') || '0');
    }
    // Small spreads the file may hold in exponent form are shown as plain percentages.
    const ws = editAt(twoScenarios(), 'baseline', RISK, { sigma: 1e-7 });
    expect(editedText('pct', riskView(stateOf(ws, { tab: 'risk' })).rates.sigma)).toBe('0.00001');
  });

  it('out of range: the message in percent, in the field and for a value the file holds', () => {
    expect(typedValue('pct', '150', false)).toEqual({ ok: false, key: 'rangePct' });
    expect(typedValue('pct', '-1%', false)).toEqual({ ok: false, key: 'rangePct' });
    expect(msg('zh', 'rangePct')).toBe('须在 0% 到 100% 之间');
    expect(typedValue('pctTen', '1000%', false)).toEqual({ ok: true, value: '10' });
    expect(typedValue('pctTen', '1000.5', false)).toEqual({ ok: false, key: 'rangePctTen' });
    expect(typedValue('pctTen', '-5', false)).toEqual({ ok: false, key: 'rangePctTen' });
    expect(msg('zh', 'rangePctTen')).toBe('须在 0% 到 1000% 之间');
    expect(msg('en', 'rangePctTen')).toBe('Must be between 0% and 1000%');
    expect(typedValue('pct', '0.08x', false)).toEqual({ ok: false, key: 'invalidPercent' });

    // A file holding values out of range (edited by hand): the problems under the fields say the range in percent.
    const ws = editAt(twoScenarios(), 'baseline', RISK, { sigmaCommon: 1.5, sigma: -0.1, overspendThreshold: 12, sigmaByCategory: { general: 2 } });
    const zh = riskView(stateOf(ws, { tab: 'risk' })).paramIssues;
    expect(zh).toMatchObject({ sigmaCommon: '须在 0% 到 100% 之间', sigma: '须在 0% 到 100% 之间', overspendThreshold: '须在 0% 到 1000% 之间',
      'sigmaByCategory.general': '须在 0% 到 100% 之间' });
    const en = riskView(stateOf(ws, { tab: 'risk', lang: 'en' })).paramIssues;
    expect(en['overspendThreshold']).toBe('Must be between 0% and 1000%');
    // Decimals counted as typed: 12 of the fraction are 10 of the percentage.
    const fine = editAt(twoScenarios(), 'baseline', RISK, { overspendThreshold: 0.1234567890123 });
    expect(riskView(stateOf(fine, { tab: 'risk' })).paramIssues['overspendThreshold']).toBe('最多 10 位小数');
  });
});
