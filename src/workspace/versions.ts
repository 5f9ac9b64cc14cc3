/**
 * The version history (版本记录) of the workspace kept in this browser: every durable save (the
 * snapshot, transport/store-session.ts) also keeps a version — when, a short summary of what
 * changed (zh and en), its size and the workspace file text. Pruning keeps the newest 50 and the
 * newest version of each earlier day (up to 365 days). Pure: no IndexedDB here.
 *
 * Keys in the "kv" store: "vmeta-<id>" → VersionMeta, "vtext-<id>" → the file text; <id> is
 * "<ms since 1970, 13 digits>-<journal seq, 12 digits>", so key order is time order. A value that
 * cannot be read is never pruned (never silently wiped): it stays, listed as unreadable.
 */
import type { Workspace } from './types.ts';
import type { Lang } from '../display/lang.ts';
import { diffScenarios } from './diff.ts';
import { describeChange } from './describe.ts';
import { isPlainObject } from '../format/json.ts';

export const VERSION_META_PREFIX = 'vmeta-';
export const VERSION_TEXT_PREFIX = 'vtext-';
export const KEEP_NEWEST = 50;
export const KEEP_DAYS = 365;

export interface VersionMeta {
  id: string;
  /** ISO time of the save. */
  at: string;
  seq: number;
  /** Bytes of the file text (UTF-8). */
  size: number;
  summary: Record<Lang, string>;
}

export const versionId = (ms: number, seq: number): string => `${String(Math.max(0, Math.trunc(ms))).padStart(13, '0')}-${String(seq).padStart(12, '0')}`;
export const versionMetaKey = (id: string): string => `${VERSION_META_PREFIX}${id}`;
export const versionTextKey = (id: string): string => `${VERSION_TEXT_PREFIX}${id}`;

export function isVersionMeta(v: unknown): v is VersionMeta {
  return isPlainObject(v) && typeof v.id === 'string' && typeof v.at === 'string' && !Number.isNaN(Date.parse(v.at))
    && Number.isSafeInteger(v.seq) && Number.isSafeInteger(v.size) && isPlainObject(v.summary)
    && typeof v.summary.zh === 'string' && typeof v.summary.en === 'string';
}

/** The local calendar day of an ISO time ("2026-12-02"). */
export function localDay(at: string): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface PruneOptions {
  newest?: number;
  days?: number;
  /** The day a version belongs to (default: the local calendar day). */
  dayOf?: (at: string) => string;
}

/**
 * Which versions to keep: the newest `newest`, plus the newest version of each earlier day that
 * has none among those, for the `days` most recent such days. Order: newest first (by time, then id).
 */
export function pruneVersions<V extends { id: string; at: string }>(versions: readonly V[], opts: PruneOptions = {}): { keep: V[]; drop: V[] } {
  const newest = opts.newest ?? KEEP_NEWEST;
  const days = opts.days ?? KEEP_DAYS;
  const dayOf = opts.dayOf ?? localDay;
  const sorted = [...versions].sort(newestFirst);
  const keep = sorted.slice(0, newest);
  const drop: V[] = [];
  const seen = new Set(keep.map((v) => dayOf(v.at)));
  let daily = 0;
  for (const v of sorted.slice(newest)) {
    const d = dayOf(v.at);
    if (!seen.has(d) && daily < days) {
      seen.add(d);
      daily++;
      keep.push(v);
    } else {
      seen.add(d);
      drop.push(v);
    }
  }
  return { keep, drop };
}

export function newestFirst(a: { id: string; at: string }, b: { id: string; at: string }): number {
  const t = Date.parse(b.at) - Date.parse(a.at);
  return t !== 0 ? t : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

const SEP = { zh: '；', en: '; ' } as const;
const WORDS = {
  zh: { first: '首个版本', same: '无改动', more: (n: number) => `等 ${n} 处改动`, added: (n: string) => `新增方案“${n}”`, removed: (n: string) => `删除方案“${n}”`,
    renamed: (a: string, b: string) => `方案“${a}”改名为“${b}”`, changed: (n: string, k: number) => `方案“${n}”的 ${k} 处改动` },
  en: { first: 'First version', same: 'No change', more: (n: number) => `and ${n} more change(s)`, added: (n: string) => `alternative “${n}” added`,
    removed: (n: string) => `alternative “${n}” deleted`, renamed: (a: string, b: string) => `“${a}” renamed “${b}”`,
    changed: (n: string, k: number) => `${k} change(s) in “${n}”` },
} as const;

/** What changed from `prev` to `next`, in a few words (the change list's own lines for the baseline). */
export function summarize(prev: Workspace | null, next: Workspace, lang: Lang, max = 2): string {
  const w = WORDS[lang];
  if (!prev) return w.first;
  const parts: string[] = [];
  let rest = 0;
  const base = diffScenarios(prev.baseline, next.baseline);
  for (const c of base.slice(0, max)) parts.push(describeChange(c, prev.baseline, lang));
  rest += Math.max(0, base.length - max);
  const before = new Map(prev.variants.map((v) => [v.id, v]));
  const after = new Set(next.variants.map((v) => v.id));
  for (const v of next.variants) {
    const p = before.get(v.id);
    if (!p) parts.push(w.added(v.name));
    else {
      if (p.name !== v.name) parts.push(w.renamed(p.name, v.name));
      if (JSON.stringify(p.changes) !== JSON.stringify(v.changes)) {
        const k = Math.max(1, Math.abs(v.changes.length - p.changes.length) || diffCount(p.changes, v.changes));
        parts.push(w.changed(v.name, k));
      }
    }
  }
  for (const v of prev.variants) if (!after.has(v.id)) parts.push(w.removed(v.name));
  if (!parts.length) return w.same;
  const shown = parts.slice(0, max + 1);
  rest += parts.length - shown.length;
  return shown.join(SEP[lang]) + (rest > 0 ? `${SEP[lang]}${w.more(rest)}` : '');
}

function diffCount(a: readonly unknown[], b: readonly unknown[]): number {
  let n = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) n++;
  return n;
}

/** UTF-8 bytes of a text. */
export const byteSize = (text: string): number => new TextEncoder().encode(text).length;
