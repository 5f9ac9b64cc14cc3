/**
 * `gbsim whatif points FILE`: the point-inflation what-if of a pool settled by points (DESIGN §7,
 * engine/point-inflation.ts) — the same figures as the app's what-if box and the printed brief.
 * - `--inflate X%` [`--level L`] [`--pool ID`]: every institution of the pool (or those of level L,
 *   a code or its name: tertiary, 三级) reports X% more points; the point value before and after
 *   and every member's points and entitlement before, after and the change (`--institution ID`:
 *   only its row);
 * - `--institution ID` alone: the table of its negotiation brief (all +5%, +10%; its level +5%, +10%).
 * Point values in 元/分 to 4 decimals; amounts in yuan to the fen (or `--unit wan`).
 */
import { WHATIF_USAGE } from './usage.ts';
import { parse, oneOf, langOption } from './args.ts';
import { CliError, readScenario, type Io } from './io.ts';
import { renderTable, type Column } from './table.ts';
import { grouped, money } from '../display/number.ts';
import { TERMS, hospitalName, levelSubject, termName, word } from '../display/glossary.ts';
import { inflationBrief, pointInflation, type InflationBrief, type PointInflation } from '../engine/point-inflation.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang, Unit } from '../display/lang.ts';

const T = {
  zh: {
    who: (who: string, x: string) => `${who}多报 ${x}% 点数`, all: '全部机构',
    head: (what: string, pool: string) => `点数虚增测算：${what} — 分配池：${pool}`,
    pv: (b: string, a: string) => `${word('pointValue', 'zh')}（${word('pointValueUnit', 'zh')}）：测算前 ${b}，测算后 ${a}`,
    points: (b: string, a: string) => `总点数：测算前 ${b}，测算后 ${a}`,
    capped: (b: boolean, a: boolean) => `点值封顶：测算前${b ? '已' : '未'}触发，测算后${a ? '已' : '未'}触发`
      + '（封顶时池内余额留存基金）',
    inflated: '多报', yes: '是', before: '测算前', after: '测算后', change: '变化', total: '池内合计',
    briefHead: (name: string, id: string, pool: string) => `点数虚增测算（本机构）：${name}（${id}）— 分配池：${pool}`,
    what: '测算情形', now: '按现有点数', cap: '（封顶）',
    note: '所列机构的年度点数各乘以 (1+x%)（四舍五入到 0.0001 点），按同一规则重新清算；点值保留四位小数。',
    unitLine: (u: string) => `金额单位：${u}`,
  },
  en: {
    who: (who: string, x: string) => `${who} report ${x}% more points`, all: 'All institutions',
    head: (what: string, pool: string) => `Point inflation: ${what} — pool: ${pool}`,
    pv: (b: string, a: string) => `${word('pointValue', 'en')} (${word('pointValueUnit', 'en')}): before ${b}, after ${a}`,
    points: (b: string, a: string) => `Total points: before ${b}, after ${a}`,
    capped: (b: boolean, a: boolean) => `Point-value cap: ${b ? 'binds' : 'does not bind'} before, ${a ? 'binds' : 'does not bind'} after`
      + ' (when it binds, the rest stays with the fund)',
    inflated: 'Inflates', yes: 'yes', before: 'Before', after: 'After', change: 'Change', total: 'Pool total',
    briefHead: (name: string, id: string, pool: string) => `Point inflation, what if (this institution): ${name} (${id}) — pool: ${pool}`,
    what: 'What if', now: 'As settled', cap: ' (capped)',
    note: 'The named institutions’ points × (1 + x%) (rounded to 0.0001 points), the pool settled again by the same rules; point values to 4 decimals.',
    unitLine: (u: string) => `Amounts in ${u}`,
  },
} as const;

const pv = (s: string | null): string => s ?? '—';
const pts = (s: string): string => grouped(s, 4);

/** "10%", "+10", "2.5" → "10", "10", "2.5" (the engine checks the rest). */
function pctOf(v: string): string {
  const s = v.trim().replace(/%$/, '').replace(/^\+/, '');
  if (!/^-?\d{1,3}(\.\d{1,4})?$/.test(s)) {
    throw new CliError(`--inflate must be a percentage with at most 4 decimals, more than −100% (e.g. 10% or 2.5): ${v}`, 2);
  }
  if (Number(s) <= -100) throw new CliError(`--inflate: points cannot fall by 100% or more: ${v}`, 2);
  return s;
}

function pointsPools(s: Scenario): { id: string; name: string; classes: readonly string[] }[] {
  return (s.policy.pools ?? []).filter((p) => p.settlement === 'points');
}

/** A level given as its code or its name in either language (tertiary, 三级, Tertiary), among the pool's. */
function levelOf(s: Scenario, classes: readonly string[], v: string): string {
  const codes = [...new Set(s.hospitals.filter((h) => classes.includes(h.class)).map((h) => h.level))];
  const want = v.trim().toLowerCase();
  const hit = codes.find((c) => c.toLowerCase() === want || termName('level', c, 'zh') === v.trim() || termName('level', c, 'en').toLowerCase() === want)
    ?? Object.entries(TERMS.level).find(([, n]) => n.zh === v.trim() || n.en.toLowerCase() === want)?.[0];
  if (hit === undefined || !codes.includes(hit)) {
    const known = codes.map((c) => `${c} ${termName('level', c, 'zh')}`).join(', ');
    throw new CliError(`--level ${v}: no institution of the pool has that level (its levels: ${known})`, 2);
  }
  return hit;
}

export async function whatifCommand(args: string[], io: Io): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'points') throw new CliError(`whatif takes a kind of what-if first: points\n\n${WHATIF_USAGE}`, 2);
  const { values, positionals } = parse(rest, {
    inflate: { type: 'string' }, level: { type: 'string' }, pool: { type: 'string' }, institution: { type: 'string' },
    json: { type: 'boolean' }, unit: { type: 'string' }, lang: { type: 'string' },
  });
  if (positionals.length !== 1) throw new CliError('whatif points takes exactly one scenario file', 2);
  const lang = langOption(values.lang);
  const unit = oneOf(values.unit, ['yuan', 'wan'] as const, '--unit', 'yuan');
  const s = readScenario(positionals[0]!);
  const pools = pointsPools(s);
  if (pools.length === 0) throw new CliError(`${positionals[0]}: no pool is settled by points (policy.pools[].settlement)`, 1);
  const id = typeof values.institution === 'string' ? values.institution : null;
  const index = id === null ? -1 : s.hospitals.findIndex((h) => h.id === id);
  if (id !== null && index < 0) throw new CliError(`--institution ${id}: no institution with that id`, 2);
  const home = index >= 0 ? pools.find((p) => p.classes.includes(s.hospitals[index]!.class)) : undefined;
  if (index >= 0 && !home) throw new CliError(`--institution ${id}: its pool is not settled by points`, 2);

  if (values.inflate === undefined) {
    if (id === null) throw new CliError('whatif points needs --inflate X% (the pool\'s what-if) or --institution ID (its brief\'s table)', 2);
    if (values.level !== undefined || values.pool !== undefined) throw new CliError('--level and --pool go with --inflate', 2);
    const b = inflationBrief(s, id)!;
    io.out(values.json ? JSON.stringify(b, null, 2) : briefText(s, b, lang));
    return 0;
  }
  const pct = pctOf(String(values.inflate));
  const poolId = typeof values.pool === 'string' ? values.pool : home?.id ?? (pools.length === 1 ? pools[0]!.id : null);
  if (poolId === null) throw new CliError(`--pool is needed: ${pools.length} pools are settled by points (${pools.map((p) => p.id).join(', ')})`, 2);
  const pool = pools.find((p) => p.id === poolId);
  if (!pool) throw new CliError(`--pool ${poolId}: no pool settled by points with that id (${pools.map((p) => p.id).join(', ')})`, 2);
  if (home && home.id !== pool.id) throw new CliError(`--institution ${id} is not in pool ${pool.id}`, 2);
  const level = typeof values.level === 'string' ? levelOf(s, pool.classes, values.level) : null;
  const r = pointInflation(s, { pool: pool.id, level, pct });
  if (values.json) {
    io.out(JSON.stringify(id === null ? r : { ...r, members: r.members.filter((m) => m.id === id) }, null, 2));
    return 0;
  }
  io.out(poolText(r, lang, unit, id));
  return 0;
}

function whoOf(level: string | null, pct: string, lang: Lang): string {
  const t = T[lang];
  return t.who(level === null ? t.all : levelSubject(level, lang), pct);
}

/** The pool's what-if: point value and total points before and after, every member (or one). */
export function poolText(r: PointInflation, lang: Lang, unit: Unit, only: string | null = null): string {
  const t = T[lang];
  const lines = [
    t.head(whoOf(r.level, r.pct, lang), r.pool.name),
    t.pv(pv(r.pointValue.before), pv(r.pointValue.after)),
    t.points(pts(r.points.before), pts(r.points.after)),
  ];
  if (r.capped.before || r.capped.after) lines.push(t.capped(r.capped.before, r.capped.after));
  lines.push(t.unitLine(word(unit, lang)), '');
  const columns: Column[] = [
    { header: word('code', lang) }, { header: word('name', lang) }, { header: word('level', lang) }, { header: t.inflated },
    { header: `${hospitalName('points', lang)} ${t.before}`, right: true }, { header: `${hospitalName('points', lang)} ${t.after}`, right: true },
    { header: `${word('entitlement', lang)} ${t.before}`, right: true }, { header: `${word('entitlement', lang)} ${t.after}`, right: true },
    { header: t.change, right: true },
  ];
  const rows = r.members.filter((m) => only === null || m.id === only).map((m) => [
    m.id, m.name, termName('level', m.level, lang), m.inflated ? t.yes : '', pts(m.pointsBefore), pts(m.pointsAfter),
    money(m.before, unit), money(m.after, unit), money(m.diff, unit, true),
  ]);
  if (only === null) {
    rows.push([t.total, '', '', '', pts(r.points.before), pts(r.points.after), money(r.total.before, unit), money(r.total.after, unit),
      money(r.total.diff, unit, true)]);
  }
  lines.push(renderTable(columns, rows));
  return lines.join('\n');
}

/** An institution's brief table: now, then each what-if — the point value, its entitlement and the change (yuan, to the fen). */
export function briefText(s: Scenario, b: InflationBrief, lang: Lang): string {
  const t = T[lang];
  const name = s.hospitals.find((h) => h.id === b.id)?.name ?? b.id;
  const cap = (c: boolean) => (c ? t.cap : '');
  const columns: Column[] = [
    { header: t.what }, { header: `${word('pointValue', lang)} (${word('pointValueUnit', lang)})`, right: true },
    { header: `${word('entitlement', lang)} (${word('yuan', lang)})`, right: true }, { header: `${t.change} (${word('yuan', lang)})`, right: true },
  ];
  const rows = [
    [t.now, pv(b.pointValue) + cap(b.capped), money(b.entitlement, 'yuan'), ''],
    ...b.lines.map((l) => [whoOf(l.level, l.pct, lang), pv(l.pointValue) + cap(l.capped), money(l.entitlement, 'yuan'), money(l.diff, 'yuan', true)]),
  ];
  return [t.briefHead(name, b.id, b.pool.name), '', renderTable(columns, rows), '', t.note].join('\n');
}
