/**
 * Cross-field checks of the year in progress (DESIGN §10): the months known against
 * monitoring.asOf, and each mid-year adjustment's institution and amount. Messages name the
 * institution (by code and name) and the field, like every check of the one gate.
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
    const who = { id: h.id, name: h.name };
    if (k === undefined) {
      if (h.claimsToDate !== undefined) issues.code(`${path}.claimsToDate`, 'claimsToDateNeedsAsOf', who);
      if (h.pointsToDate !== undefined) issues.code(`${path}.pointsToDate`, 'pointsToDateNeedsAsOf', who);
      return;
    }
    // Points of a year in progress: the months known, never the whole year's.
    if (h.pointsToDate !== undefined) {
      if (h.pointsToDate.length !== k) issues.code(`${path}.pointsToDate`, 'pointsToDateMonths', { ...who, k, found: h.pointsToDate.length });
      if (h.points?.total !== undefined || h.points?.months !== undefined) {
        issues.code(`${path}.points`, 'yearPointsWithToDate', { ...who, k });
      }
    }
    if (h.claims !== undefined) {
      issues.code(`${path}.claims`, 'yearClaimsWhileMonitored', { ...who, k });
    } else if (h.claimsToDate === undefined) {
      issues.code(`${path}.claimsToDate`, 'claimsToDateRequired', { ...who, k });
    } else if (h.claimsToDate.length !== k) {
      issues.code(`${path}.claimsToDate`, 'claimsToDateMonths', { ...who, k, found: h.claimsToDate.length });
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
      issues.code(`${path}.hospital`, 'adjustUnknownInstitution', { id: a.hospital });
      return;
    }
    if ((a.target === undefined) === (a.change === undefined)) {
      issues.code(path, a.target === undefined ? 'adjustNeither' : 'adjustBoth', { id: a.hospital, name: s.hospitals[i]!.name });
      return;
    }
    const change: Fen | null = a.change === undefined ? null : parseMoney(a.change);
    if (change === 0) issues.code(`${path}.change`, 'adjustZero', { id: a.hospital, name: s.hospitals[i]!.name });
    out.push({ index: i, from: a.from, target: a.target === undefined ? null : parseMoney(a.target), change, reason: a.reason });
  });
  return out;
}
