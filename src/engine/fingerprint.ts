/**
 * Fingerprint of a result: SHA-256 of the canonical JSON of the DESIGN §6 result contract, so
 * the sender and the receiver of a file can check they see the same numbers.
 * Canonical form: `{fund: {12 contract fields}, hospitals: [{15 contract fields}, …]}` in file
 * order, object keys sorted, no whitespace, UTF-8 — the same bytes as `jq -cS` of that
 * projection. Pure JS hashing (@noble/hashes): crypto.subtle is missing on plain-http origins,
 * and the fingerprint must be the same in Node and every browser.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { FundResult, HospitalResult, Result } from './result.ts';

export const FUND_CONTRACT = [
  'base', 'riskReserve', 'carveOuts', 'globalTarget', 'adjustmentFund', 'allocatable', 'hospitalsOwed',
  'adjustmentFundUsed', 'expenditure', 'closingBalance', 'monthsOfCoverage', 'currentSurplusRate',
] as const satisfies readonly (keyof FundResult)[];

export const HOSPITAL_CONTRACT = [
  'id', 'target', 'deposit', 'monthlyBudget', 'paid', 'deferred', 'actual', 'surplus', 'reward',
  'overspend', 'fundShare', 'depositReturned', 'depositForfeited', 'owed', 'balance',
] as const satisfies readonly (keyof HospitalResult)[];

export const FINGERPRINT_PREFIX = 'sha256:';

/** Short form shown to users and stored in files: 'sha256:' + 16 hex digits (64 bits). */
export function fingerprint(result: Result): string {
  return fullFingerprint(result).slice(0, FINGERPRINT_PREFIX.length + 16);
}

/** 'sha256:' + all 64 hex digits. */
export function fullFingerprint(result: Result): string {
  return FINGERPRINT_PREFIX + bytesToHex(sha256(utf8ToBytes(canonicalResult(result))));
}

/** The canonical JSON text that is hashed. */
export function canonicalResult(result: Result): string {
  // canonicalJson of {fund, hospitals} ("fund" sorts first) with each institution written by its
  // keys sorted once, not a picked copy sorted per institution (200,000 of them in a workbook).
  const rows = new Array<string>(result.hospitals.length);
  for (let i = 0; i < rows.length; i++) {
    const h = result.hospitals[i]!;
    let s = '{';
    for (let k = 0; k < HOSPITAL_KEYS.length; k++) s += HOSPITAL_KEYS[k]! + canonicalValue(h[HOSPITAL_SORTED[k]!]);
    rows[i] = `${s}}`;
  }
  return `{"fund":${canonicalJson(pick(result.fund, FUND_CONTRACT))},"hospitals":[${rows.join(',')}]}`;
}

/**
 * canonicalJson of a contract value: an amount (a string) or months (an array of strings) is
 * its JSON.stringify, which writes strings and arrays of strings just as canonicalJson does.
 */
function canonicalValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return JSON.stringify(v);
  return canonicalJson(v);
}

const HOSPITAL_SORTED = [...HOSPITAL_CONTRACT].sort();
/** `"key":` of each sorted key, with the comma before all but the first. */
const HOSPITAL_KEYS = HOSPITAL_SORTED.map((k, i) => `${i === 0 ? '' : ','}${JSON.stringify(k)}:`);

function pick<T extends object>(o: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k as string] = o[k];
  return out;
}

/** JSON with object keys sorted (the contract's keys are ASCII, so any sort agrees) and undefined as null. */
export function canonicalJson(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`cannot fingerprint the number ${v}`);
  return JSON.stringify(v);
}

/** Does a stored fingerprint (short or full) match a computed full one? */
export function fingerprintMatches(stored: string, full: string): boolean {
  return stored.length >= FINGERPRINT_PREFIX.length + 16 && full.startsWith(stored);
}
