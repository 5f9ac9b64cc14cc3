/**
 * The text of a field as the user edits it, and what they type back as the file's value:
 * rates as percentages (the file's "0.08" is edited as 「8」 with a % after the box), amounts
 * with thousands separators in the unit chosen (the file's "3200000000.00" is 「320,000.00」 in
 * 万元; typed 万元 become yuan on the digits, to the fen). Exact: digits only, no floats.
 */
import { grouped, money, shiftPoint } from '../../display/number.ts';
import { checkValue, PERCENT_KINDS, type Checked, type FieldKind } from './validate-field.ts';
import type { Unit } from '../../display/lang.ts';

/** The file's value as the box shows it. */
export function editedText(kind: FieldKind, value: string | number | undefined, unit: Unit = 'yuan'): string {
  if (value === undefined || value === '') return '';
  const v = String(value);
  if (PERCENT_KINDS.has(kind)) return shiftPoint(v, 2);
  if (kind === 'money') {
    const shown = unit === 'wan' ? shiftPoint(v, -4) : v;
    const frac = shown.split('.')[1] ?? '';
    return grouped(shown, Math.max(2, frac.length)).replace('−', '-');
  }
  return v;
}

/**
 * The file's value as a box shows it while not being edited: an amount at the unit's own
 * precision, as every table shows it (display/number.ts money: 万元 to two decimals, so
 * 「4,302.26」, not 「4,302.255167」); the exact digits (editedText) come back when the box is
 * focused, so nothing is lost by editing. Other kinds as editedText.
 */
export function restingText(kind: FieldKind, value: string | number | undefined, unit: Unit = 'yuan'): string {
  if (kind !== 'money' || value === undefined || value === '') return editedText(kind, value, unit);
  return money(String(value), unit).replace('−', '-');
}

/** What was typed, checked, as the file's value (an amount typed in 万元 becomes yuan). */
export function typedValue(kind: FieldKind, raw: string, optional: boolean, unit: Unit = 'yuan'): Checked {
  if (kind !== 'money' || unit === 'yuan') return checkValue(kind, raw, optional);
  const t = raw.trim().normalize('NFKC').replace(/[,，\s]/g, '');
  if (t === '' || !/^\d{1,9}(\.\d{1,6})?$/.test(t)) return checkValue(kind, t === '' ? '' : 'x', optional);
  const yuan = shiftPoint(t, 4);
  const [int, frac = ''] = yuan.split('.');
  return checkValue(kind, `${int}.${frac.padEnd(2, '0')}`, optional);
}
