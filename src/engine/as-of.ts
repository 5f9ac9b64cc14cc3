/**
 * The year as of a month: a scenario whose claims are known through month k (monitoring.asOf),
 * made from a year-end file (its first k months of claims) or from a monitored one (fewer
 * months), and a month's claims added to a monitored scenario (the monthly import). Pure
 * transforms on the file; the result still passes the one gate (scenario/open.ts).
 */
import type { Issue } from '../format/issues.ts';
import type { Hospital, MoneyStr, Scenario } from '../format/types.ts';

export type AsOf = { ok: true; scenario: Scenario } | { ok: false; issues: Issue[] };

/** The months known of an institution: claimsToDate while monitoring, else the year's claims. */
function knownMonths(s: Scenario, h: Hospital): readonly MoneyStr[] | undefined {
  return s.monitoring ? h.claimsToDate : h.claims;
}

/**
 * The scenario as of month k (0–12): claims of months 1…k known, the rest to be projected.
 * k = 0 is the start of the year: nothing known, every month projected as the plan projects it.
 */
export function asOfMonth(s: Scenario, k: number): AsOf {
  const issues: Issue[] = [];
  if (!Number.isInteger(k) || k < 0 || k > 12) return { ok: false, issues: [{ path: 'monitoring.asOf', message: 'must be a month from 0 (none known yet) to 12' }] };
  const hospitals = s.hospitals.map((h, i) => {
    const known = knownMonths(s, h);
    const field = s.monitoring ? 'claimsToDate' : 'claims';
    if (known === undefined && k > 0) issues.push({ path: `hospitals[${i}].${field}`, message: `institution "${h.id}": no claims are known, so there is nothing to report as of month ${k}` });
    else if (known !== undefined && known.length < k) issues.push({ path: `hospitals[${i}].${field}`, message: `institution "${h.id}": claims are known through month ${known.length} only, not month ${k}` });
    const { claims: _, ...rest } = h;
    const out: Hospital = { ...rest, claimsToDate: (known ?? []).slice(0, k) };
    // Points by month (a pool settled by points): the first k months are the points to date.
    const pts = s.monitoring ? h.pointsToDate : h.points?.months;
    if (pts !== undefined) {
      if (pts.length < k) issues.push({ path: `hospitals[${i}].pointsToDate`, message: `institution "${h.id}": points are known through month ${pts.length} only, not month ${k}` });
      const { total: _t, months: _m, ...p } = h.points ?? {};
      out.points = p;
      out.pointsToDate = pts.slice(0, k);
    } else if (h.points?.total !== undefined && !s.monitoring) {
      issues.push({ path: `hospitals[${i}].points.months`, message: `institution "${h.id}": its points are known for the year only, not by month, so there are no points to date as of month ${k}` });
    }
    return out;
  });
  if (issues.length) return { ok: false, issues };
  return { ok: true, scenario: { ...s, hospitals, monitoring: { ...s.monitoring, asOf: k } } };
}

/**
 * Month `month`'s claims added: it must be the month after the last one known (or January of a
 * file not yet monitored), and every institution must have its amount — a monthly report with
 * an institution missing is refused rather than read as zero.
 */
export function addMonth(s: Scenario, month: number, claims: ReadonlyMap<string, MoneyStr>, points?: ReadonlyMap<string, string>): AsOf {
  const known = s.monitoring?.asOf ?? 0;
  if (month !== known + 1) {
    return { ok: false, issues: [{ path: 'monitoring.asOf', message: known === 12 ? 'the year is complete: claims are known through December' : `claims are known through month ${known}: the next month to add is ${known + 1}, not ${month}` }] };
  }
  const issues: Issue[] = [];
  const ids = new Set(s.hospitals.map((h) => h.id));
  for (const id of claims.keys()) if (!ids.has(id)) issues.push({ path: 'hospitals', message: `month ${month}: no institution has the id "${id}"` });
  const hospitals = s.hospitals.map((h, i) => {
    const c = claims.get(h.id);
    if (c === undefined) issues.push({ path: `hospitals[${i}].claimsToDate`, message: `institution "${h.id}": no claims for month ${month}` });
    const { claims: _, ...rest } = h;
    const out: Hospital = { ...rest, claimsToDate: [...(known === 0 ? [] : h.claimsToDate ?? []), c ?? '0.00'] };
    // An institution monitored by points needs the month's points too.
    if (h.pointsToDate !== undefined) {
      const p = points?.get(h.id);
      if (p === undefined) issues.push({ path: `hospitals[${i}].pointsToDate`, message: `institution "${h.id}": no points for month ${month} (its pool is settled by points)` });
      out.pointsToDate = [...h.pointsToDate, p ?? '0'];
    }
    return out;
  });
  if (issues.length) return { ok: false, issues };
  return { ok: true, scenario: { ...s, hospitals, monitoring: { ...s.monitoring, asOf: month } } };
}
