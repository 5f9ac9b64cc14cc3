/**
 * A parameter's setting as the rules table (参数与出处) prints it beside its source: a single
 * value as the change list says it (rates as percentages), and a list or table of values in
 * words — tiers as 「≤5%：70%；5%–10%：50%；>10%：30%」, rates by class as 「医院 10%；门诊慢特病 5%」,
 * coefficients by level, weights by history year, carve-outs and pools by name, the score →
 * return ratio points — amounts in the unit chosen. Names from the one glossary; no codes.
 */
import type { Scenario, Tier } from '../format/types.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { grouped, money, shiftPoint } from '../display/number.ts';
import { historyYears, ruleModeName, settingName, termName, unitName, yearName, type TermKind } from '../display/glossary.ts';
import { formatValue, valueAt, valueKind } from '../workspace/describe.ts';
import { isPlainObject } from '../format/json.ts';
import { parsePath } from './params.ts';

const W = {
  zh: {
    sep: '；', colon: '：', points: '分',
    cap: '上限（占指标）', reasonable: '合理超支认定比例', months: (_: string) => '个月', yes: '是', no: '否', all: '全部',
    month: (m: number) => `${m}月`,
    thresholds: (lo: string, hi: string) => `费用极低病例 <${lo} 倍；费用极高病例 >${hi} 倍（次均费用之比）`,
    groups: (n: number) => `${grouped(String(n), 0)} 个病种`, paren: (x: string) => `（${x}）`,
  },
  en: {
    sep: '; ', colon: ': ', points: 'points',
    cap: 'cap (of target)', reasonable: 'reasonable share', months: (n: string) => (n === '1' ? 'month' : 'months'), yes: 'yes', no: 'no', all: 'all',
    month: (m: number) => `month ${m}`,
    thresholds: (lo: string, hi: string) => `low-cost cases below ${lo}×, high-cost above ${hi}× the reference cost`,
    groups: (n: number) => `${grouped(String(n), 0)} groups`, paren: (x: string) => ` (${x})`,
  },
} as const;

const pct = (v: string): string => `${shiftPoint(v, 2).replace('-', '−')}%`;
const num = (v: unknown): string => String(v);

/** 「≤5%：70%；5%–10%：50%；>10%：30%」: each tier's range of the rate (of the target) and its share. */
export function tiersText(tiers: readonly Tier[], lang: Lang): string {
  const w = W[lang];
  let from: string | null = null;
  const parts = tiers.map((t) => {
    const range = t.upTo === null ? (from === null ? w.all : `>${pct(from)}`)
      : from === null ? `≤${pct(t.upTo)}` : `${pct(from)}–${pct(t.upTo)}`;
    if (t.upTo !== null) from = t.upTo;
    return `${range}${w.colon}${pct(t.share)}`;
  });
  return parts.join(w.sep);
}

/** Entries of a map of rates or coefficients by class, level or category, by their names. */
function byTerm(m: Record<string, unknown>, kind: TermKind, lang: Lang, rate: boolean): string {
  return Object.entries(m).map(([k, v]) => `${termName(kind, k, lang)} ${rate ? pct(String(v)) : num(v)}`).join(W[lang].sep);
}

const amount = (v: string, unit: Unit, lang: Lang) => `${money(v, unit)} ${unitName(unit, lang)}`;

/** The setting of the parameter at `key` (a path such as "policy.surplus"), or '' when it has none. */
export function ruleValue(s: Scenario, key: string, lang: Lang, unit: Unit): string {
  const w = W[lang];
  const path = parsePath(key);
  const v = valueAt(s, path);
  if (v === undefined || v === null) return '';
  const k = path.map(String).join('.');
  switch (k) {
    case 'policy.surplus':
    case 'policy.overspend': {
      const r = v as { mode: 'marginal' | 'step'; tiers: Tier[]; cap?: string; reasonableShare?: string; };
      // The reasonable share is its own row when it has its own source (as in the example).
      const ownRow = !!s.policy.sources?.['policy.overspend.reasonableShare'];
      const extra = [
        r.cap !== undefined ? `${w.cap} ${pct(r.cap)}` : '',
        r.reasonableShare !== undefined && !ownRow ? `${w.reasonable} ${pct(r.reasonableShare)}` : '',
      ].filter(Boolean);
      const mode = ruleModeName(r.mode === 'step' ? 'tiers.step' : 'tiers.marginal', lang);
      return `${tiersText(r.tiers, lang)}${w.paren(mode)}${extra.length ? w.sep + extra.join(w.sep) : ''}`;
    }
    case 'policy.surplus.tiers':
    case 'policy.overspend.tiers':
      return tiersText(v as Tier[], lang);
    case 'policy.deposit.rates':
      return byTerm(v as Record<string, unknown>, 'class', lang, true);
    case 'policy.deposit.base':
      return settingName('deposit', String(v), lang);
    case 'policy.levelCoefficients':
      return byTerm(v as Record<string, unknown>, 'level', lang, false);
    case 'policy.categoryCoefficients':
      return byTerm(v as Record<string, unknown>, 'category', lang, false);
    case 'policy.historyWeights':
    {
      const years = historyYears(s.meta.year ?? new Date().getFullYear(), (v as string[]).length);
      return (v as string[]).map((x, i) => `${yearName(years[i]!, lang)} ${x}`).join(w.sep);
    }
    case 'policy.monthlyProfile':
      return (v as string[]).map((x, i) => `${w.month(i + 1)} ${x}`).join(w.sep);
    case 'policy.monthlyPayment':
      return settingName('payment', String(v), lang);
    case 'fund.carveOuts':
      return (v as { name: string; amount: string }[]).map((c) => `${c.name} ${amount(c.amount, unit, lang)}`).join(w.sep);
    case 'policy.pools':
      return (v as { name: string; share: string; settlement?: 'points' | 'target' }[])
        .map((p) => `${p.name} ${pct(p.share)}${p.settlement === 'points' ? w.paren(settingName('settlement', 'points', lang)) : ''}`).join(w.sep);
    case 'policy.quality': {
      const q = v as { mode: 'step' | 'linear'; points: { score: number; ratio: string }[] };
      const mode = ruleModeName(q.mode === 'linear' ? 'quality.linear' : 'quality.step', lang);
      return `${mode}${w.colon}${q.points.map((p) => `${p.score} ${w.points} → ${pct(p.ratio)}`).join(w.sep)}`;
    }
    case 'policy.advance':
      return `${num((v as { months: string }).months)} ${w.months(String((v as { months: string }).months))}`;
    case 'policy.points.thresholds': {
      const t = v as { low: string; high: string };
      return w.thresholds(t.low, t.high);
    }
    case 'policy.points.levelCoefficients':
      return byTerm(v as Record<string, unknown>, 'level', lang, false);
    case 'policy.points.growth':
      return pct(String(v));
    case 'catalogue':
      return w.groups((v as unknown[]).length);
    case 'policy.growth': {
      const g = v as { region?: string; byCategory?: Record<string, string> };
      return [g.region !== undefined ? pct(g.region) : '', g.byCategory ? byTerm(g.byCategory, 'category', lang, true) : ''].filter(Boolean).join(w.sep);
    }
  }
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  const kind = valueKind(path);
  if (kind === 'money' && typeof v === 'string') return amount(v, unit, lang);
  const ctx = { unit, base: s };
  if (Array.isArray(v)) return v.every((x) => x === null || typeof x !== 'object') ? v.map((x) => formatValue(x, lang, kind, ctx)).join(w.sep) : '';
  if (isPlainObject(v)) return '';
  return formatValue(v, lang, kind, ctx);
}
