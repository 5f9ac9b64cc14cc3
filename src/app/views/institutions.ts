/**
 * Adding, removing and re-classing institutions of the scenario shown (the data tab): the values
 * a select offers (the levels, categories and classes the scenario's policy knows), a new
 * institution from what the form holds (amounts typed in the unit shown, to the fen), and the
 * scenario with it added or removed. The gate decides whether the result stands (runs/gate.ts).
 */
import type { Hospital, Scenario } from '../../format/types.ts';
import type { Unit } from '../../display/lang.ts';
import type { MsgKey } from '../i18n/index.ts';
import { typedValue } from './field-text.ts';

export type InstitutionAttr = 'level' | 'category' | 'class';

/** What the add form holds, as typed. */
export interface InstitutionDraft {
  id: string;
  name: string;
  level: string;
  category: string;
  class: string;
  /** Each history year's fund spending, oldest first, in the unit shown. */
  history: string[];
}

/**
 * The values the scenario knows for an attribute, in a stable order: the policy's keys
 * (coefficients by level and category; the pools' classes and the deposit's rates by class),
 * then any an institution uses that the policy does not name.
 */
export function attrOptions(s: Scenario, attr: InstitutionAttr): string[] {
  const p = s.policy;
  const known = attr === 'level' ? Object.keys(p.levelCoefficients ?? {})
    : attr === 'category' ? Object.keys(p.categoryCoefficients ?? {})
      : [...(p.pools ?? []).flatMap((pool) => pool.classes), ...Object.keys(p.deposit?.rates ?? {})];
  return [...new Set([...known, ...s.hospitals.map((h) => h[attr])])];
}

/** An empty form: the first value of each select, a box per history year. */
export function emptyDraft(s: Scenario): InstitutionDraft {
  return {
    id: '', name: '', level: attrOptions(s, 'level')[0] ?? '', category: attrOptions(s, 'category')[0] ?? '',
    class: attrOptions(s, 'class')[0] ?? '', history: s.policy.historyWeights.map(() => ''),
  };
}

export type DraftField = 'id' | 'name' | `history.${number}`;

/**
 * The institution the form describes, or what is wrong with the form itself (a box left empty,
 * an amount that is not one). Whether it may join the scenario (a code already used, a class in
 * no pool) is the gate's to say.
 */
export function draftHospital(d: InstitutionDraft, unit: Unit): { ok: true; hospital: Hospital } | { ok: false; errors: [DraftField, MsgKey][] } {
  const errors: [DraftField, MsgKey][] = [];
  const id = d.id.trim();
  const name = d.name.trim();
  if (!id) errors.push(['id', 'required']);
  if (!name) errors.push(['name', 'required']);
  const history: string[] = [];
  d.history.forEach((raw, k) => {
    const r = typedValue('money', raw, false, unit);
    if (r.ok) history.push(String(r.value));
    else errors.push([`history.${k}`, r.key]);
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, hospital: { id, name, level: d.level, category: d.category, class: d.class, history } };
}

/** The scenario with `h` added after its institutions. */
export function withInstitution(s: Scenario, h: Hospital): Scenario {
  return { ...s, hospitals: [...s.hospitals, h] };
}

/** The scenario without the institution whose code is `id` (itself when none has it). */
export function withoutInstitution(s: Scenario, id: string): Scenario {
  const i = s.hospitals.findIndex((h) => h.id === id);
  return i < 0 ? s : { ...s, hospitals: s.hospitals.filter((_, k) => k !== i) };
}
