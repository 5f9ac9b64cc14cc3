/**
 * The notices a user meets when something is refused speak the bureau's words, never ids, codes,
 * field paths or English developer text (the audit of issue "names"): a refused import (app and
 * CLI share sheets/import-gate.ts), the recovery notice of a stored workspace that fails to load,
 * and the message catalogue's pool and class messages once they name a scenario's pools and classes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exportHospitalData } from '../../src/sheets/export.ts';
import { applyImport, importHospitals } from '../../src/sheets/import.ts';
import { importProblems } from '../../src/sheets/import-gate.ts';
import { validateScenario } from '../../src/scenario/open.ts';
import { loadWorkspaceText, saveWorkspace } from '../../src/workspace/file.ts';
import { newWorkspace } from '../../src/workspace/workspace.ts';
import { PageViews } from '../../src/app/views/page.ts';
import { issueMessage } from '../../src/workspace/issue-text.ts';
import { monitorWords } from '../../src/sheets/monitor-book.ts';
import { msg } from '../../src/app/i18n/index.ts';
import type { Scenario } from '../../src/format/types.ts';
import type { Issue } from '../../src/format/issues.ts';
import type { MsgCode } from '../../src/format/messages.ts';
import { stateOf } from './fixture.ts';
import { smallScenario } from '../workspace/fixture.ts';

const city = (): Scenario => JSON.parse(readFileSync('scenarios/city.json', 'utf8')) as Scenario;
/** Latin words, institution codes (T02, H003) and the Chinese text's own abbreviations aside. */
const latin = (s: string): string[] => (s.match(/(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((w) => !/^[A-Z]{1,3}\d+$/.test(w));
const PATHISH = /hospitals\[|baseline\.|policy\.|\[\d+\]/;

describe('a refused import', () => {
  it('names the row, the column 机构类型, the institution and the class in words — no codes, no path', async () => {
    const base = city();
    const edited = structuredClone(base);
    edited.hospitals[1]!.class = 'inpatient'; // the sheet says 住院
    const report = await importHospitals(await exportHospitalData(edited, 'zh'), 'inpatient.xlsx', { historyYears: base.policy.historyWeights.length });
    const next = applyImport(base, report, 'merge', false);
    const r = validateScenario(next);
    if (r.ok) throw new Error('accepted');
    // As the app's gate on the workspace files them, and as the CLI's check files them.
    const gate = r.issues.map((i) => ({ ...i, path: `baseline.${i.path}` }));
    for (const issues of [gate, r.issues]) {
      const ps = importProblems(next, report, issues);
      expect(ps.map((p) => p.reason.zh)).toEqual(['机构类型「住院」不属于任何分配池，方案无法计算', '机构类型「住院」没有保证金比例，方案无法计算']);
      const h = base.hospitals[1]!;
      for (const p of ps) {
        expect(p.where.zh).toMatch(new RegExp(`^第 \\d+ 行「机构类型」（${h.id} ${h.name}）$`));
        const zh = `${p.where.zh}：${p.reason.zh} — ${p.fix?.zh}`;
        expect(latin(zh), zh).toEqual([]);
        expect(zh).not.toMatch(PATHISH);
        const en = `${p.where.en}: ${p.reason.en} — ${p.fix?.en}`;
        expect(en).not.toMatch(PATHISH);
        expect(en).not.toMatch(/\(hospital\)|\(primary\)|policy\.deposit/);
      }
      expect(ps[0]!.fix!.zh).toBe('请改为现有分配池所含的类型：医院、门诊慢特病、基层；或在“政策参数 → 分配池”中把它加入一个池');
      expect(ps[1]!.fix!.zh).toMatch(/^请改为已有保证金比例的类型：医院、门诊慢特病、基层；/);
      expect(ps[0]!.fix!.en).toBe('use a class a pool holds: "hospital", "outpatient chronic", "primary care"; or add it to a pool under Policy → Pools');
    }
  });
});

describe('the recovery notice', () => {
  it('names the institution and the field of the stored workspace, as every notice does', () => {
    const ws = newWorkspace(city());
    const doc = JSON.parse(saveWorkspace(ws));
    doc.baseline.hospitals[3].history[1] = '-5';
    const text = JSON.stringify(doc);
    const load = loadWorkspaceText(text);
    if (load.ok) throw new Error('accepted');
    expect(load.issues[0]!.path).toBe('baseline.hospitals[3].history[1]');
    const h = ws.baseline.hospitals[3]!;
    const year = ws.baseline.meta.year! - ws.baseline.hospitals[3]!.history.length + 1;
    const view = (lang: 'zh' | 'en') => new PageViews().of(stateOf(ws, { lang, recovery: { issues: load.issues, text, seq: 0 } })).recovery!;
    const zh = view('zh').issues[0]!;
    expect(zh).toMatch(new RegExp(`^「${h.id} ${h.name}」的「${year}年基金支出」：须为不小于 0 的金额`));
    expect(zh).not.toMatch(PATHISH);
    const en = view('en').issues[0]!;
    expect(en).toMatch(new RegExp(`^"${h.id} ${h.name}", History ${year}: must be a non-negative amount`));
    expect(en).not.toMatch(PATHISH);
    // Stored text that is not even JSON: the path is all there is.
    expect(new PageViews().of(stateOf(ws, { recovery: { issues: load.issues, text: '{', seq: 0 } })).recovery!.issues[0]).toContain('baseline.hospitals[3]');
  });
});

describe('the message catalogue names pools and classes by their names', () => {
  const s = smallScenario();
  const at = (code: MsgCode, params: Issue['params']): Issue => ({ path: 'policy.pools[1]', message: '', code, params });

  it('a pool by its name from the scenario, a class by the glossary', () => {
    expect(issueMessage(at('lockedExceedPool', { pool: 'prim', locked: '300000.00', amount: '265050.00' }), 'zh', s))
      .toBe('分配池「基层」的锁定目标合计（300,000.00 元）大于该池金额（265,050.00 元）');
    expect(issueMessage(at('poolNoMembers', { pool: 'prim', rest: '10.00' }), 'zh', s)).toBe('分配池「基层」有 10.00 元待分配，但没有机构属于它所含的机构类型');
    expect(issueMessage(at('classInTwoPools', { class: 'chronic', pool: 'hosp' }), 'zh', s)).toBe('机构类型「门诊慢特病」已在分配池「医院」中：每家机构须恰好属于一个分配池');
    expect(issueMessage(at('noDepositRate', { class: 'inpatient' }), 'zh', s)).toBe(
      '机构类型「住院」没有保证金比例：请在“政策参数 → 质量保证金”中为它填写比例，或改为已有保证金比例的类型');
    expect(issueMessage(at('noDepositRate', { class: 'inpatient' }), 'en', s)).toBe(
      'class "inpatient" has no deposit rate: give it one under Policy → Quality deposit, or use a class that has one');
    const noPool = issueMessage(at('classInNoPool', { class: 'inpatient', classes: '"hospital", "primary"' }), 'zh', s);
    expect(noPool).toBe('机构类型「住院」不属于任何分配池；请改为已有的类型（医院、基层），或在“政策参数 → 分配池”中把它加入一个池');
    expect(latin(noPool)).toEqual([]);
  });
});

describe('defaults of the monthly report', () => {
  it('say they are assumptions the scenario may change, never a design document', () => {
    expect(monitorWords('zh').dflt).toBe('默认值（假设，可在方案中修改）');
    expect(monitorWords('en').dflt).toBe('default (an assumption; can be changed in the scenario)');
    expect(msg('zh', 'monDefault')).toBe(monitorWords('zh').dflt);
    expect(msg('en', 'monDefault')).toBe(monitorWords('en').dflt);
    for (const lang of ['zh', 'en'] as const) expect(monitorWords(lang).dflt).not.toMatch(/DESIGN|§/);
  });
});
