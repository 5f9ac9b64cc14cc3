/**
 * The year as of a month: a scenario whose claims are known through month k (monitoring.asOf),
 * made from a year-end file (its first k months of claims) or from a monitored one (fewer
 * months), and a month's claims added to a monitored scenario (the monthly import). Pure
 * transforms on the file; the result still passes the one gate (scenario/open.ts).
 */
import { issueOf, type Issue } from '../format/issues.ts';
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
  if (!Number.isInteger(k) || k < 0 || k > 12) return { ok: false, issues: [issueOf('monitoring.asOf', 'asOfMonth')] };
  const hospitals = s.hospitals.map((h, i) => {
    const known = knownMonths(s, h);
    const field = s.monitoring ? 'claimsToDate' : 'claims';
    if (known === undefined && k > 0) issues.push(issueOf(`hospitals[${i}].${field}`, 'asOfNoClaims', { id: h.id, name: h.name, k }));
    else if (known !== undefined && known.length < k) issues.push(issueOf(`hospitals[${i}].${field}`, 'asOfClaimsShort',
      { id: h.id, name: h.name, known: known.length, k }));
    const { claims: _, ...rest } = h;
    const out: Hospital = { ...rest, claimsToDate: (known ?? []).slice(0, k) };
    // Points by month (a pool settled by points): the first k months are the points to date.
    const pts = s.monitoring ? h.pointsToDate : h.points?.months;
    if (pts !== undefined) {
      if (pts.length < k) issues.push(issueOf(`hospitals[${i}].pointsToDate`, 'asOfPointsShort', { id: h.id, name: h.name, known: pts.length, k }));
      const { total: _t, months: _m, ...p } = h.points ?? {};
      out.points = p;
      out.pointsToDate = pts.slice(0, k);
    } else if (h.points?.total !== undefined && !s.monitoring) {
      issues.push(issueOf(`hospitals[${i}].points.months`, 'asOfPointsYearOnly', { id: h.id, name: h.name, k }));
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
    return { ok: false, issues: [known === 12 ? issueOf('monitoring.asOf', 'yearComplete') :
      issueOf('monitoring.asOf', 'nextMonth', { known, next: known + 1, month })] };
  }
  const issues: Issue[] = [];
  const ids = new Set(s.hospitals.map((h) => h.id));
  for (const id of claims.keys()) if (!ids.has(id)) issues.push(issueOf('hospitals', 'monthUnknownInstitution', { month, id }));
  const hospitals = s.hospitals.map((h, i) => {
    const c = claims.get(h.id);
    if (c === undefined) issues.push(issueOf(`hospitals[${i}].claimsToDate`, 'monthNoClaims', { id: h.id, name: h.name, month }));
    const { claims: _, ...rest } = h;
    const out: Hospital = { ...rest, claimsToDate: [...(known === 0 ? [] : h.claimsToDate ?? []), c ?? '0.00'] };
    // An institution monitored by points needs the month's points too.
    if (h.pointsToDate !== undefined) {
      const p = points?.get(h.id);
      if (p === undefined) issues.push(issueOf(`hospitals[${i}].pointsToDate`, 'monthNoPoints', { id: h.id, name: h.name, month }));
      out.pointsToDate = [...h.pointsToDate, p ?? '0'];
    }
    return out;
  });
  if (issues.length) return { ok: false, issues };
  return { ok: true, scenario: { ...s, hospitals, monitoring: { ...s.monitoring, asOf: month } } };
}
