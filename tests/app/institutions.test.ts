/** The data tab's institution edits outside the components: the selects' values, the add form's institution, add / remove, and the view. */
import { describe, expect, it } from 'vitest';
import { attrOptions, draftHospital, emptyDraft, withInstitution, withoutInstitution } from '../../src/app/views/institutions.ts';
import { dataView } from '../../src/app/views/data.ts';
import { validateWorkspace } from '../../src/workspace/file.ts';
import { newWorkspace } from '../../src/workspace/workspace.ts';
import { smallScenario } from '../workspace/fixture.ts';
import { stateOf } from './fixture.ts';

describe('institutions of the data tab', () => {
  it('a select offers what the policy knows, then what an institution uses besides', () => {
    const s = smallScenario();
    s.hospitals[3]!.level = 'township';
    expect(attrOptions(s, 'level')).toEqual(['tertiary', 'secondary', 'township']);
    expect(attrOptions(s, 'class')).toEqual(['hospital', 'primary']);
    expect(attrOptions(s, 'category')).toEqual(['general', 'tcm', 'community']);
  });

  it('the form: amounts typed in 万元 with separators become yuan to the fen; empty boxes are named', () => {
    const d = { ...emptyDraft(smallScenario()), id: ' H009 ', name: '新医院', history: ['1,234.5', '0.0001', '12'] };
    expect(d.level).toBe('tertiary');
    const r = draftHospital(d, 'wan');
    expect(r).toEqual({ ok: true, hospital: { id: 'H009', name: '新医院', level: 'tertiary', category: 'general', class: 'hospital', history: ['12345000.00', '1.00', '120000.00'] } });
    expect(draftHospital({ ...d, history: ['1,234.5', '12', '12'] }, 'yuan')).toMatchObject({ ok: true, hospital: { history: ['1234.5', '12', '12'] } });
    const bad = draftHospital({ ...d, id: '', history: ['', '-3', '1'] }, 'wan');
    expect(bad).toEqual({ ok: false, errors: [['id', 'required'], ['history.0', 'invalidMoney'], ['history.1', 'invalidMoney']] });
  });

  it('added, the gate computes it; a duplicate code is refused at 机构编码, named in words', () => {
    const s = smallScenario();
    const h = draftHospital({ ...emptyDraft(s), id: 'H009', name: '新医院', history: ['100', '100', '100'] }, 'wan');
    if (!h.ok) throw new Error('form refused');
    expect(validateWorkspace(newWorkspace(withInstitution(s, h.hospital))).ok).toBe(true);
    const dup = newWorkspace(withInstitution(s, { ...h.hospital, id: 'H001' }));
    const r = validateWorkspace(dup);
    if (r.ok) throw new Error('a duplicate code was accepted');
    const view = dataView(stateOf(newWorkspace(s), { adding: { refused: r.issues, doc: dup } }));
    expect(view.adding!.refused.join('\n')).toMatch(/「H001 新医院」：机构编码 "H001" 重复/);
    const noPool = newWorkspace(withInstitution(s, { ...h.hospital, class: 'inpatient' }));
    const q = validateWorkspace(noPool);
    expect(q.ok).toBe(false);
  });

  it('removed by code, the others kept in order; an unknown code changes nothing', () => {
    const s = smallScenario();
    expect(withoutInstitution(s, 'H002').hospitals.map((h) => h.id)).toEqual(['H001', 'H003', 'C001']);
    expect(withoutInstitution(s, 'X')).toBe(s);
  });

  it('the view: options by their names in the language shown; no form unless opened', () => {
    const ws = newWorkspace(smallScenario());
    const v = dataView(stateOf(ws, { lang: 'zh' }));
    expect(v.adding).toBeNull();
    expect(v.options.level.map((o) => o.value)).toEqual(['tertiary', 'secondary', 'community']);
    expect(v.options.level[0]!.label).toBe('三级');
    expect(dataView(stateOf(ws, { lang: 'en' })).options.level[0]!.label).toMatch(/tertiary/i);
    expect(dataView(stateOf(ws, { adding: { refused: [], doc: null } })).adding!.empty.history).toEqual(['', '', '']);
  });

  it('the options stay the same lists across an edit of an institution’s figures, and change with its level', () => {
    const s = smallScenario();
    const before = dataView(stateOf(newWorkspace(s))).options;
    const edited = { ...s, hospitals: s.hospitals.map((h, i) => (i === 1 ? { ...h, history: h.history.map(() => '1.00') } : h)) };
    expect(dataView(stateOf(newWorkspace(edited))).options).toBe(before);
    const moved = { ...s, hospitals: s.hospitals.map((h, i) => (i === 1 ? { ...h, level: 'township' } : h)) };
    const after = dataView(stateOf(newWorkspace(moved))).options;
    expect(after).not.toBe(before);
    expect(after.level.map((o) => o.value)).toEqual(['tertiary', 'secondary', 'township', 'community']);
    expect(after.category).toEqual(before.category);
  });
});
