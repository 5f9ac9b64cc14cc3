/**
 * Every policy and fund parameter of one or more scenarios as rows (path, label, value per
 * scenario) with its provenance from policy.sources. A source applies to its path and
 * everything below it ("policy.surplus" covers "policy.surplus.tiers[0].share"); the most
 * specific source wins. Sources naming other paths (e.g. "hospitals[2].lockedTarget") get
 * rows of their own.
 */
import type { Provenance, Scenario } from '../format/types.ts';
import { labelOf } from '../workspace/describe.ts';
import { idSegment, segmentId } from '../workspace/paths.ts';
import type { Lang } from '../display/lang.ts';
import { formatPath, type Path } from '../format/path.ts';

export type ParamValue = string | number | boolean | null;

export interface ParamRow {
  /** Printed path, e.g. "policy.deposit.rates.hospital", "fund.carveOuts[id=offsite].amount". */
  path: string;
  label: string;
  /** Raw value per scenario (undefined: the scenario does not set it). */
  values: (ParamValue | undefined)[];
  /** Provenance per scenario (undefined: none). */
  sources: (Provenance | undefined)[];
  amount: boolean;
}

const AMOUNT_KEYS = new Set(['budget', 'revenue', 'openingBalance', 'adjustmentTopUpCap', 'amount', 'lockedTarget']);

type Leaf = { path: Path; value: ParamValue };

/** Leaves of a value: lists of plain values are one leaf; lists of objects with ids use id segments. */
function leaves(v: unknown, path: Path, out: Leaf[]): void {
  if (v === undefined) return;
  if (v === null || typeof v !== 'object') {
    out.push({ path, value: v as ParamValue });
    return;
  }
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) {
      out.push({ path, value: v.map((x) => (x === null ? '∞' : String(x))).join(', ') });
      return;
    }
    v.forEach((x, i) => {
      const id = x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : null;
      leaves(x, [...path, id !== null ? idSegment(id) : i], out);
    });
    return;
  }
  for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
}

/** The keys a source may be filed under for a path prefix: dotted, [i] and .i forms, ids or positions. */
function sourceKeys(path: Path, s: Scenario): string[] {
  const forms: string[][] = [[]];
  let node: unknown = s;
  for (const seg of path) {
    const id = segmentId(seg);
    let alts: string[];
    if (typeof seg === 'number') alts = [`[${seg}]`, `.${seg}`];
    else if (id !== null) {
      const i = Array.isArray(node) ? node.findIndex((x) => (x as { id?: string })?.id === id) : -1;
      alts = [`[id=${id}]`, `.${id}`, ...(i >= 0 ? [`[${i}]`, `.${i}`] : [])];
    } else alts = [`.${seg}`];
    node = Array.isArray(node) ? (id !== null ? node.find((x) => (x as { id?: string })?.id === id) : node[seg as number]) :
      (node as Record<string, unknown> | undefined)?.[seg as string];
    const next: string[][] = [];
    for (const f of forms) for (const a of alts) next.push([...f, a]);
    forms.splice(0, forms.length, ...next.slice(0, 16));
  }
  return forms.map((f) => f.join('').replace(/^\./, ''));
}

function sourceFor(path: Path, s: Scenario, used: Set<string>): Provenance | undefined {
  const src = s.policy.sources;
  if (!src) return undefined;
  for (let n = path.length; n > 0; n--) {
    for (const k of sourceKeys(path.slice(0, n), s)) {
      if (src[k]) {
        used.add(k);
        return src[k];
      }
    }
  }
  return undefined;
}

/** "hospitals[2].lockedTarget" → ["hospitals", 2, "lockedTarget"]. */
export function parsePath(p: string): Path {
  const out: Path = [];
  for (const m of p.matchAll(/([^.[\]]+)|\[(\d+)\]|\[id=([^\]]+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(idSegment(m[3]));
    else out.push(/^\d+$/.test(m[1]!) ? Number(m[1]) : m[1]!);
  }
  return out;
}

function valueAtPath(root: unknown, path: Path): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    const id = segmentId(seg);
    node = Array.isArray(node) ? (id !== null ? node.find((x) => (x as { id?: string })?.id === id) : node[seg as number]) :
      (node as Record<string, unknown>)[seg as string];
  }
  return node;
}

export function parameterRows(scenarios: Scenario[], lang: Lang): ParamRow[] {
  const rows = new Map<string, ParamRow>();
  const used = scenarios.map(() => new Set<string>());
  const row = (path: Path, base: Scenario): ParamRow => {
    const key = formatPath(path, true);
    let r = rows.get(key);
    if (!r) {
      const last = path[path.length - 1];
      // Named on first read: a comparison shows only the rows that differ, out of every leaf.
      let label: string | undefined;
      r = {
        path: key, get label() { return (label ??= labelOf(path, base, lang)); },
        values: scenarios.map(() => undefined), sources: scenarios.map(() => undefined), amount: typeof last === 'string' && AMOUNT_KEYS.has(last),
      };
      rows.set(key, r);
    }
    return r;
  };
  scenarios.forEach((s, i) => {
    const ls: Leaf[] = [];
    leaves(s.fund, ['fund'], ls);
    const { sources: _ignored, ...policy } = s.policy;
    leaves(policy, ['policy'], ls);
    for (const l of ls) {
      const r = row(l.path, s);
      r.values[i] = l.value;
      r.sources[i] = sourceFor(l.path, s, used[i]!);
    }
  });
  // Sources that name something outside fund/policy leaves (a hospital's locked target, …).
  scenarios.forEach((s, i) => {
    for (const [k, prov] of Object.entries(s.policy.sources ?? {})) {
      if (used[i]!.has(k) || [...rows.keys()].some((p) => p === k || p.startsWith(`${k}.`) || p.startsWith(`${k}[`))) continue;
      const path = parsePath(k);
      const v = valueAtPath(s, path);
      const r = row(path, s);
      r.values[i] = v === undefined || (v !== null && typeof v === 'object') ? (r.values[i] ?? null) : (v as ParamValue);
      r.sources[i] = prov;
    }
  });
  return [...rows.values()];
}
