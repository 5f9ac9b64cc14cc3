/** Which sources (policy.sources) a hospital's brief cites: the rules its numbers come from. */
import type { Provenance, Scenario } from '../../format/types.ts';
import { labelOf } from '../../workspace/describe.ts';
import { parsePath } from '../../sheets/params.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { ruleValue } from '../../sheets/rule-value.ts';

/** History years of a scenario (the years before its settlement year). */
export function historyYearsOf(s: Scenario): number[] {
  const n = s.policy.historyWeights.length;
  const year = s.meta.year ?? new Date().getFullYear();
  return Array.from({ length: n }, (_, i) => year - n + i);
}

/** A rule the brief cites: its name, its setting in words (sheets/rule-value.ts, as the fund report's rules table) and its source. */
export interface CitedSource { key: string; label: string; value: string; source: Provenance }

/**
 * Prefixes of the parameters a hospital's target, deposit and settlement depend on. In a pool
 * settled by points (DESIGN §7) its entitlement comes from the points rules and the catalogue, not
 * from history weights and coefficients; its deposit is withheld from the monthly pre-settlement
 * whatever the deposit base, the months pay by points (no monthly profile or payment rule), and
 * the volume floor does not apply (engine/settle-points.ts).
 */
function prefixes(s: Scenario, klass: string, byPoints: boolean): string[] {
  if (byPoints) {
    return [
      'fund.budget', 'fund.carveOuts', 'fund.riskReserveRate', 'fund.adjustmentFundRate', 'fund.adjustmentTopUpCap',
      'policy.pools', 'policy.points', 'catalogue', `policy.deposit.rates.${klass}`, 'policy.surplus', 'policy.overspend', 'policy.quality',
      'policy.advance', 'policy.growth',
    ];
  }
  return [
    'fund.budget', 'fund.carveOuts', 'fund.riskReserveRate', 'fund.adjustmentFundRate', 'fund.adjustmentTopUpCap',
    'policy.pools', 'policy.historyWeights', 'policy.levelCoefficients', 'policy.categoryCoefficients', 'policy.weightFormula',
    'policy.deposit.base', `policy.deposit.rates.${klass}`, 'policy.monthlyProfile', 'policy.monthlyPayment',
    'policy.surplus', 'policy.overspend', 'policy.quality', ...(s.policy.volumeFloor ? ['policy.volumeFloor'] : []), 'policy.advance', 'policy.growth',
  ];
}

const covers = (prefix: string, key: string) => key === prefix || key.startsWith(`${prefix}.`) || key.startsWith(`${prefix}[`);

export function citedSources(s: Scenario, klass: string, lang: Lang, unit: Unit = 'wan', byPoints = false): CitedSource[] {
  const src = s.policy.sources ?? {};
  const ps = prefixes(s, klass, byPoints);
  const keys = Object.keys(src).filter((k) => ps.some((p) => covers(p, k)) && !(k.startsWith('policy.deposit.rates.') &&
    k !== `policy.deposit.rates.${klass}`));
  keys.sort((a, b) => ps.findIndex((p) => covers(p, a)) - ps.findIndex((p) => covers(p, b)));
  return keys.map((key) => {
    let label: string;
    let value = '';
    try {
      label = labelOf(parsePath(key), s, lang);
      value = ruleValue(s, key, lang, unit);
    } catch { label = key; }
    return { key, label, value, source: src[key]! };
  });
}

export interface SourceGroup {
  document: string;
  number?: string;
  date?: string;
  items: { key: string; label: string; value: string; article?: string; status: Provenance['status']; note?: string }[];
}

/** Cited sources grouped by document (one document usually backs many rules). */
export function groupSources(list: CitedSource[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const c of list) {
    const k = `${c.source.document}\u0000${c.source.number ?? ''}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { document: c.source.document, number: c.source.number, date: c.source.date, items: [] }));
    g.items.push({ key: c.key, label: c.label, value: c.value, article: c.source.article, status: c.source.status, note: c.source.note });
  }
  return [...groups.values()];
}

/** One line: document, number, article, date. */
export function sourceLine(p: Provenance): string {
  return [p.document, p.number, p.article, p.date].filter(Boolean).join(' · ');
}
