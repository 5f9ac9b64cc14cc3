/**
 * Cross-field checks of the year in progress (DESIGN §10): the months known against
 * monitoring.asOf, and each mid-year adjustment's institution and amount. Messages name the
 * institution (by id) and the field, like every check of the one gate.
 */
import { parseMoney, type Fen } from './money.ts';
import type { Issues } from '../format/issues.ts';
import type { CompiledAdjustment } from './model.ts';
import type { Scenario } from '../format/types.ts';

export function checkMonitoring(s: Scenario, issues: Issues): void {
  const k = s.monitoring?.asOf;
  s.hospitals.forEach((h, i) => {
    // Nothing to check for most institutions: their path and name are built only when an issue is.
    if (k === undefined && h.claimsToDate === undefined && h.pointsToDate === undefined) return;
    const path = `hospitals[${i}]`;
    const who = `institution "${h.id}"`;
    if (k === undefined) {
      if (h.claimsToDate !== undefined) issues.add(`${path}.claimsToDate`, `${who}: claims to date need monitoring.asOf (the month they are known through)`);
      if (h.pointsToDate !== undefined) issues.add(`${path}.pointsToDate`, `${who}: points to date need monitoring.asOf (the month they are known through)`);
      return;
    }
    // Points of a year in progress: the months known, never the whole year's.
    if (h.pointsToDate !== undefined) {
      if (h.pointsToDate.length !== k) issues.add(`${path}.pointsToDate`, `${who}: must have ${k} monthly points (monitoring.asOf is ${k}); it has ${h.pointsToDate.length}`);
      if (h.points?.total !== undefined || h.points?.months !== undefined) {
        issues.add(`${path}.points`, `${who}: the whole year's points cannot be given with pointsToDate (known through month ${k}); remove points.total and points.months`);
      }
    }
    if (h.claims !== undefined) {
      issues.add(`${path}.claims`, `${who}: the whole year's claims cannot be given while monitoring.asOf is set (known through month ${k}); give the months known as claimsToDate`);
    } else if (h.claimsToDate === undefined) {
      issues.add(`${path}.claimsToDate`, `${who}: is required: monitoring.asOf says claims are known through month ${k}`);
    } else if (h.claimsToDate.length !== k) {
      issues.add(`${path}.claimsToDate`, `${who}: must have ${k} monthly amounts (monitoring.asOf is ${k}); it has ${h.claimsToDate.length}`);
    }
  });
}

export function compileAdjustments(s: Scenario, issues: Issues): CompiledAdjustment[] {
  const list = s.adjustments ?? [];
  if (list.length === 0) return [];
  const index = new Map<string, number>();
  s.hospitals.forEach((h, i) => { if (!index.has(h.id)) index.set(h.id, i); });
  const out: CompiledAdjustment[] = [];
  list.forEach((a, j) => {
    const path = `adjustments[${j}]`;
    const i = index.get(a.hospital);
    if (i === undefined) {
      issues.add(`${path}.hospital`, `no institution has the id "${a.hospital}"`);
      return;
    }
    if ((a.target === undefined) === (a.change === undefined)) {
      issues.add(path, `institution "${a.hospital}": give either the new target ("target") or the amount it changes by ("change"), not ${a.target === undefined ? 'neither' : 'both'}`);
      return;
    }
    const change: Fen | null = a.change === undefined ? null : parseMoney(a.change);
    if (change === 0) issues.add(`${path}.change`, `institution "${a.hospital}": the change must not be zero`);
    out.push({ index: i, from: a.from, target: a.target === undefined ? null : parseMoney(a.target), change, reason: a.reason });
  });
  return out;
}
