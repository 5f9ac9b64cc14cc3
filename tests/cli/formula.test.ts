/** `gbsim validate` / `gbsim run` on a bad weight formula: one message, located in the formula, in the language asked. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function withFormula(formula: string): string {
  const d = JSON.parse(readFileSync('scenarios/city.json', 'utf8'));
  d.policy.weightFormula = formula;
  const file = join(mkdtempSync(join(tmpdir(), 'gbsim-formula-')), 'bad.json');
  writeFileSync(file, JSON.stringify(d));
  return file;
}

const lines = (s: string) => s.split('\n').filter((l) => l.includes('policy.weightFormula'));

describe('a weight formula failing for every institution', () => {
  const file = withFormula('defaultWeight / (historyLast - historyLast)');

  it('gbsim validate --lang zh|en: one message at the formula, naming the first institution, the count and the position', async () => {
    const zh = await cli('validate', file, '--lang', 'zh');
    expect(zh.code).toBe(1);
    expect(lines(zh.err)).toEqual([`${file}: 「分配权重公式」：对 80 家机构无法计算（共 80 家，首家为第 1 家「T01 示例市第一人民医院」）：第 15 个字符处：除数为 0，请用条件避免，如 x > 0 ? a / x : 0（policy.weightFormula）`]);
    expect(zh.err).toContain('1 个问题');
    expect(zh.err).not.toContain('hospitals[');
    const en = await cli('validate', file, '--lang', 'en');
    expect(en.code).toBe(1);
    expect(lines(en.err)).toEqual([`${file}: Weight formula: fails for 80 of 80 institutions, the first being institution 1 "T01 示例市第一人民医院": division by zero at position 15 (policy.weightFormula)`]);
    expect(en.err).toContain('1 problem');
  });

  it('gbsim run says the same once, and runs nothing', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const r = await cli('run', file, '--lang', lang);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toContain(lang === 'zh' ? '第 15 个字符处' : 'at position 15');
    }
  });
});

describe('a weight formula that does not compile', () => {
  it('names the unknown name and where it stands, zh and en', async () => {
    const file = withFormula('defaultWeight * beds');
    const zh = await cli('validate', file, '--lang', 'zh');
    expect(lines(zh.err)).toEqual([`${file}: 「分配权重公式」：第 17 个字符处：未知名称 "beds"；请检查拼写，可用的是机构自身的字段和内置名称（如 defaultWeight、historyLast、weightedHistory）（policy.weightFormula）`]);
    const en = await cli('run', file, '--lang', 'en');
    expect(lines(en.err)).toHaveLength(1);
    expect(en.err).toContain('unknown name "beds" at position 17');
  });
});
