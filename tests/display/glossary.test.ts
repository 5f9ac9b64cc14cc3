import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { glossaryMarkdown } from '../../scripts/glossary-doc.ts';
import { FUND_FIGURES, HOSPITAL_FIGURES, MONITOR_WORDS, RULE_MODES, TERMS, WATERFALL_STEPS, WORDS, historyName, termName } from '../../src/display/glossary.ts';
import { ruleValue } from '../../src/sheets/rule-value.ts';
import { smallScenario } from '../workspace/fixture.ts';
import { outputLabel } from '../../src/sheets/analysis-words.ts';
import { FUND_OUTPUTS } from '../../src/engine/sweep-outputs.ts';
import { msg } from '../../src/app/i18n/index.ts';
import { RESULT_COLUMNS } from '../../src/sheets/result-columns.ts';
import { labelOf } from '../../src/sheets/vocab.ts';
import { term } from '../../src/workspace/labels.ts';

describe('the one glossary', () => {
  it('docs/GLOSSARY.md is the code table written out', () => {
    expect(readFileSync('docs/GLOSSARY.md', 'utf8')).toBe(glossaryMarkdown());
  });

  it('rule modes: the policy tab and the rules table (rule-value.ts) say 超额累进 / 全额分档 / 线性插值 / 分段 from the table', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(msg(lang, 'marginal')).toBe(RULE_MODES['tiers.marginal'][lang]);
      expect(msg(lang, 'step')).toBe(RULE_MODES['tiers.step'][lang]);
      expect(msg(lang, 'linear')).toBe(RULE_MODES['quality.linear'][lang]);
      expect(msg(lang, 'qualityStep')).toBe(RULE_MODES['quality.step'][lang]);
      const s = smallScenario();
      for (const mode of ['marginal', 'step'] as const) {
        const t = { ...s, policy: { ...s.policy, surplus: { ...s.policy.surplus!, mode } } };
        expect(ruleValue(t, 'policy.surplus', lang, 'wan')).toContain(RULE_MODES[`tiers.${mode}`][lang]);
      }
      if (s.policy.quality) {
        for (const mode of ['linear', 'step'] as const) {
          const t = { ...s, policy: { ...s.policy, quality: { ...s.policy.quality, mode } } };
          expect(ruleValue(t, 'policy.quality', lang, 'wan').startsWith(RULE_MODES[`quality.${mode}`][lang])).toBe(true);
        }
      }
    }
    expect(readFileSync('docs/GLOSSARY.md', 'utf8')).toContain('| 超额累进 | Marginal | `tiers.marginal` |');
  });

  it('one name per figure: no Chinese name is given to two different fund figures, or to two institution figures', () => {
    for (const table of [FUND_FIGURES, HOSPITAL_FIGURES, WORDS]) {
      const zh = Object.values(table).map((n) => n.zh);
      expect(new Set(zh).size).toBe(zh.length);
    }
  });

  it('none of the retired names of the issue survive in the table', () => {
    const all = JSON.stringify([FUND_FIGURES, HOSPITAL_FIGURES, WORDS, TERMS, MONITOR_WORDS, WATERFALL_STEPS]);
    for (const old of ['风险准备金', '年终应得', '清算差额', '参数与来源', '变体']) expect(all).not.toContain(old);
  });

  it('the UI, the workbook, the import vocabulary and the change descriptions say the same names', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(msg(lang, 'riskReserve')).toBe(FUND_FIGURES.riskReserve[lang]);
      expect(msg(lang, 'owed')).toBe(HOSPITAL_FIGURES.owed[lang]);
      expect(msg(lang, 'balance')).toBe(HOSPITAL_FIGURES.balance[lang]);
      expect(msg(lang, 'variant')).toBe(WORDS.variant[lang]);
      const heads = RESULT_COLUMNS.map((c) => c[lang]);
      expect(heads).toContain(HOSPITAL_FIGURES.owed[lang]);
      expect(heads).toContain(HOSPITAL_FIGURES.balance[lang]);
      for (const kind of ['class', 'level', 'category'] as const) {
        for (const code of Object.keys(TERMS[kind])) {
          expect(labelOf(kind, code, lang)).toBe(termName(kind, code, lang));
          expect(term(kind, code, lang)).toBe(termName(kind, code, lang));
        }
      }
    }
    expect(termName('class', 'hospital', 'zh')).toBe('医院');
    expect(termName('class', 'nosuch', 'zh')).toBe('nosuch');
  });

  it('history years are calendar years: 2022年…2024年 for a 2025 scenario', () => {
    expect([0, 1, 2].map((i) => historyName(2025, 3, i, 'zh'))).toEqual(['2022年', '2023年', '2024年']);
    expect(historyName(2025, 3, 2, 'en')).toBe('2024');
  });

  it('multi-year runs, sweeps and their workbooks name fund figures as the glossary does (年末累计结存, never 期末累计结存)', () => {
    for (const k of Object.keys(FUND_OUTPUTS)) {
      const g = (FUND_FIGURES as Record<string, { zh: string }>)[k];
      if (g) expect(outputLabel(k, 'zh')).toBe(g.zh);
    }
    expect(outputLabel('closingBalance', 'zh')).toBe('年末累计结存');
    expect(outputLabel('hospitals[id=T01].owed', 'zh')).toBe('T01 年终应付');
  });
});
