/**
 * What a field accepts, checked as it is typed, with the message key of the reason. The same
 * rules as the file format (src/format/schema.ts) for single values; rules that span fields
 * (pools covering every class, tiers in order, …) come back from the engine with a path.
 */
import type { MsgKey } from '../i18n/index.ts';
import { shiftPoint } from '../../display/number.ts';

/**
 * `pct`, `pctOpen` and `growthPct` are rates typed and shown as percentages (「8%」 or 「8」 →
 * "0.08" in the file): `pct` 0%–100% (deposit rates, shares, return ratios), `pctOpen` any
 * rate ≥ 0% (a tier's bound or a cap, as a rate of the target), `growthPct` above −100%,
 * `pctTen` 0%–1000% (the risk tab's overspend line, engine/risk/params.ts: 0 to 10).
 */
export type FieldKind = 'money' | 'rate' | 'share' | 'nonneg' | 'growth' | 'int' | 'score' | 'text' | 'formula' | 'pct' | 'pctOpen' | 'growthPct' | 'pctTen';

type PercentKind = 'pct' | 'pctOpen' | 'growthPct' | 'pctTen';

/** The kinds typed as percentages. */
export const PERCENT_KINDS: ReadonlySet<FieldKind> = new Set<PercentKind>(['pct', 'pctOpen', 'growthPct', 'pctTen']);

export type Checked = { ok: true; value: string | number | undefined } | { ok: false; key: MsgKey };

const PERCENT = /^[+-]?\d{1,10}(\.\d{1,10})?%?$/;

/** A percentage typed ("8", "8%", "12.5 %") as the file's decimal ("0.08"), or a message key. */
function percentValue(kind: PercentKind, t: string): Checked {
  if (!PERCENT.test(t)) return { ok: false, key: 'invalidPercent' };
  const v = shiftPoint(t.replace(/%$/, '').replace(/^\+/, ''), -2);
  const neg = v.startsWith('-') && !/^-0*(\.0*)?$/.test(v);
  if (kind === 'pct' && (neg || !atMostOne(v))) return { ok: false, key: 'rangePct' };
  if (kind === 'pctOpen' && neg) return { ok: false, key: 'rangePctOpen' };
  if (kind === 'pctTen' && (neg || !atMostTen(v))) return { ok: false, key: 'rangePctTen' };
  // Growth above −100%: a fall of the whole or more is no growth rate.
  if (kind === 'growthPct' && neg && !/^-0?\.\d+$/.test(v)) return { ok: false, key: 'rangeGrowth' };
  return { ok: true, value: neg ? v : v.replace(/^-/, '') };
}

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;
const RATE = /^-?\d{1,12}(\.\d{1,12})?$/;

/** Strip thousands separators and spaces users paste in. */
function clean(raw: string): string {
  return raw.trim().normalize('NFKC').replace(/[,，\s]/g, '');
}

/** A decimal string is compared on its digits, never as a float. */
function atMostOne(s: string): boolean {
  const [int = '0', frac = ''] = s.replace(/^-/, '').split('.');
  const i = int.replace(/^0+/, '');
  return !s.startsWith('-') && (i === '' || (i === '1' && /^0*$/.test(frac)));
}

/** A non-negative decimal string at most 10, on its digits. */
function atMostTen(s: string): boolean {
  const [int = '0', frac = ''] = s.split('.');
  const i = int.replace(/^0+/, '');
  return i.length < 2 || (i === '10' && /^0*$/.test(frac));
}

export function checkValue(kind: FieldKind, raw: string, optional: boolean): Checked {
  const t = kind === 'text' || kind === 'formula' ? raw.trim() : clean(raw);
  if (t === '') return optional ? { ok: true, value: undefined } : { ok: false, key: kind === 'money' ? 'invalidMoney' : 'required' };
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
    case 'pct':
    case 'pctOpen':
    case 'growthPct':
    case 'pctTen':
      return percentValue(kind, t);
    case 'int':
      return /^\d{1,12}$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, key: 'invalidNumber' };
    case 'score': {
      if (!/^-?\d{1,12}(\.\d{1,4})?$/.test(t)) return { ok: false, key: 'invalidNumber' };
      if (t.startsWith('-')) return { ok: false, key: 'rangeScore' };
      const n = Number(t);
      return n <= 100 ? { ok: true, value: n } : { ok: false, key: 'rangeScore' };
    }
    default:
      return { ok: true, value: t };
  }
}
