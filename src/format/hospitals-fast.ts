/**
 * A fast path of the shape check for the list of institutions, the bulk of a large file: zod
 * spent over a second on 100,000 institutions, most of it allocating a result and an issue
 * list per value. This only ever says "exactly what the schema would give" or "ask the schema":
 * an institution is taken here when every field it has is one of the common kinds below and
 * passes the schema's rules; its output is then what the schema outputs (fields in the shape's
 * order, then unknown fields as they came; numeric rates as their decimal text). Anything else
 * — a problem, a points block, an unusual value — returns null and the whole file goes through
 * zod, so every message is the schema's own. tests/format/hospitals-fast.test.ts holds the two
 * to the same output.
 */
import { z } from 'zod';
import { hospitalSchema, MAX_HOSPITALS, scenarioSchema } from './schema.ts';
import { isPointsString, isRateLike, MONEY_RE, numberToPlain } from './numbers.ts';

/** A value the schema refuses or that this path does not handle. */
const NO: unique symbol = Symbol('no');
type Fast = (v: unknown) => unknown | typeof NO;

const money: Fast = (v) => (typeof v === 'string' && MONEY_RE.test(v) && v.charCodeAt(0) !== 45 ? v : NO);
const idText: Fast = (v) => (typeof v === 'string' && v.length >= 1 && v.length <= 100 ? v : NO);
const nameText: Fast = (v) => (typeof v === 'string' && v.length <= 200 ? v : NO);
const count: Fast = (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : NO);
const bool: Fast = (v) => (typeof v === 'boolean' ? v : NO);
const score: Fast = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100 && isRateLike(v) ? v : NO);
const finite: Fast = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : NO);
const points: Fast = (v) => (typeof v === 'string' && isPointsString(v) ? v : NO);

/** schema.ts `rateBase` then a range: a string or finite number of the rate form, as its trimmed or plain text. */
const rate = (ok: (n: number) => boolean): Fast => (v) => {
  if (!((typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) && isRateLike(v))) return NO;
  const s = typeof v === 'number' ? numberToPlain(v) : (v as string).trim();
  return ok(Number(s)) ? s : NO;
};

/** An array of `min`…`max` items (a fresh array, as the schema gives). */
const list = (item: Fast, min: number, max: number): Fast => (v) => {
  if (!Array.isArray(v) || v.length < min || v.length > max) return NO;
  const out = new Array<unknown>(v.length);
  for (let k = 0; k < v.length; k++) {
    const x = item(v[k]);
    if (x === NO) return NO;
    out[k] = x;
  }
  return out;
};

/** A record of string keys (a fresh object, keys in their order; no symbols or odd prototypes here). */
const record = (value: Fast): Fast => (v) => {
  if (!plain(v) || Object.getOwnPropertySymbols(v).length > 0) return NO;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    if (k === '__proto__') return NO;
    const x = value((v as Record<string, unknown>)[k]);
    if (x === NO) return NO;
    out[k] = x;
  }
  return out;
};

const plain = (v: unknown): v is object => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

const MAX = Number.MAX_SAFE_INTEGER;
/** The fields handled here, as schema.ts's hospital shape has them; a field not listed (points) goes to zod. */
const FIELDS: Readonly<Record<string, Fast>> = {
  id: idText,
  name: nameText,
  level: idText,
  category: idText,
  class: idText,
  history: list(money, 0, MAX),
  lockedTarget: money,
  growth: rate((n) => n > -1),
  volume: count,
  volumeFloor: count,
  claims: list(money, 12, 12),
  deductions: money,
  score,
  indicators: record(score),
  fields: record(finite),
  advanceEligible: bool,
  claimsToDate: list(money, 0, 12),
  lastYearClaims: list(money, 12, 12),
  reasonableShare: rate((n) => n >= 0 && n <= 1),
  pointsToDate: list(points, 0, 12),
};

const SHAPE = Object.keys(hospitalSchema.shape);
const KNOWN: ReadonlySet<string> = new Set(SHAPE);
/** The shape's fields without an optional wrapper: an institution lacking one goes to zod. */
const REQUIRED = SHAPE.filter((k) => hospitalSchema.shape[k as keyof typeof hospitalSchema.shape]._zod.optin === undefined);

function institution(h: unknown): Record<string, unknown> | null {
  if (!plain(h)) return null;
  const o = h as Record<string, unknown>;
  for (const k of REQUIRED) if (!Object.hasOwn(o, k)) return null;
  const out: Record<string, unknown> = {};
  for (const k of SHAPE) {
    if (!Object.hasOwn(o, k)) continue;
    const f = FIELDS[k];
    if (f === undefined) return null;
    const v = f(o[k]);
    if (v === NO) return null;
    out[k] = v;
  }
  // Unknown fields pass through untouched after the shape's, as the loose schema keeps them.
  for (const k in o) {
    if (KNOWN.has(k)) continue;
    if (k === '__proto__' || !Object.hasOwn(o, k) || o[k] === undefined) return null;
    out[k] = o[k];
  }
  return out;
}

/**
 * The institutions as `scenarioSchema` outputs them, or null when any one needs the schema
 * itself (a problem, a field this path leaves to zod, an empty or oversized list).
 */
export function fastHospitals(list: unknown): Record<string, unknown>[] | null {
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_HOSPITALS) return null;
  const out = new Array<Record<string, unknown>>(list.length);
  for (let i = 0; i < list.length; i++) {
    const h = institution(list[i]);
    if (h === null) return null;
    out[i] = h;
  }
  return out;
}

/** The scenario's shape but its institutions, taken as they are (they passed fastHospitals). */
const restSchema = scenarioSchema.extend({ hospitals: z.array(z.unknown()) });

/**
 * `scenarioSchema.safeParse(doc, { reportInput: true })`, the same result, with the institutions
 * checked by fastHospitals when it can: the schema then checks the rest, and on any problem the
 * whole document again, so the issues are exactly the schema's.
 */
export function parseScenarioShape(doc: Record<string, unknown>): ReturnType<typeof scenarioSchema.safeParse> {
  const hospitals = fastHospitals(doc.hospitals);
  if (hospitals !== null) {
    const rest = restSchema.safeParse(doc, { reportInput: true });
    if (rest.success) return { success: true, data: { ...rest.data, hospitals } as unknown as z.output<typeof scenarioSchema> };
  }
  return scenarioSchema.safeParse(doc, { reportInput: true });
}
