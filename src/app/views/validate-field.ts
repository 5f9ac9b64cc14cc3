/**
 * What a field accepts, checked as it is typed, with the message key of the reason. The same
 * rules as the file format (src/format/schema.ts) for single values; rules that span fields
 * (pools covering every class, tiers in order, …) come back from the engine with a path.
 */
import type { MsgKey } from '../i18n/index.ts';

export type FieldKind = 'money' | 'rate' | 'share' | 'nonneg' | 'growth' | 'int' | 'score' | 'text' | 'formula';

export type Checked = { ok: true; value: string | number | undefined } | { ok: false; key: MsgKey };

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;
const RATE = /^-?\d{1,12}(\.\d{1,12})?$/;

/** Strip thousands separators and spaces users paste in. */
function clean(raw: string): string {
  return raw.trim().replace(/[,，\s]/g, '');
}

/** A decimal string is compared on its digits, never as a float. */
function atMostOne(s: string): boolean {
  const [int = '0', frac = ''] = s.replace(/^-/, '').split('.');
  const i = int.replace(/^0+/, '');
  return !s.startsWith('-') && (i === '' || (i === '1' && /^0*$/.test(frac)));
}

export function checkValue(kind: FieldKind, raw: string, optional: boolean): Checked {
  const t = kind === 'text' || kind === 'formula' ? raw.trim() : clean(raw);
  if (t === '') return optional ? { ok: true, value: undefined } : { ok: false, key: kind === 'money' ? 'invalidMoney' : 'invalidNumber' };
  switch (kind) {
    case 'money':
      return MONEY.test(t) ? { ok: true, value: t } : { ok: false, key: 'invalidMoney' };
    case 'rate':
      return RATE.test(t) ? { ok: true, value: t } : { ok: false, key: 'invalidRate' };
    case 'growth':
      return RATE.test(t) && (!t.startsWith('-') || /^-0*(\.\d+)?$/.test(t)) ? { ok: true, value: t } : { ok: false, key: 'invalidRate' };
    case 'nonneg':
      return RATE.test(t) && !t.startsWith('-') ? { ok: true, value: t } : { ok: false, key: 'invalidRate' };
    case 'share':
      return RATE.test(t) && atMostOne(t) ? { ok: true, value: t } : { ok: false, key: 'invalidShare' };
    case 'int':
      return /^\d{1,12}$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, key: 'invalidNumber' };
    case 'score': {
      if (!/^\d{1,3}(\.\d{1,4})?$/.test(t)) return { ok: false, key: 'invalidNumber' };
      const n = Number(t);
      return n <= 100 ? { ok: true, value: n } : { ok: false, key: 'invalidNumber' };
    }
    default:
      return { ok: true, value: t };
  }
}
