/**
 * The version history in the key-value store (workspace/versions.ts says what is kept). Writing a
 * version goes in the snapshot's own transaction (transport/store-session.ts); reading it is the
 * page's (the 版本记录 dialog). A value that cannot be read is listed as unreadable and never
 * deleted; reading the history never touches the stored workspace.
 */
import type { KV, KvOp } from './kv.ts';
import type { Workspace } from './types.ts';
import {
  byteSize, isVersionMeta, newestFirst, pruneVersions, summarize, versionId, versionMetaKey, versionTextKey,
  VERSION_META_PREFIX, type PruneOptions, type VersionMeta,
} from './versions.ts';

export interface VersionList {
  versions: VersionMeta[];
  /** Keys of stored history values that cannot be read (kept as they are). */
  unreadable: string[];
}

/** Every version stored, newest first, and the keys that cannot be read. */
export async function listVersions(kv: KV): Promise<VersionList> {
  const versions: VersionMeta[] = [];
  const unreadable: string[] = [];
  for (const [key, value] of await kv.entries(VERSION_META_PREFIX)) {
    if (isVersionMeta(value) && versionMetaKey(value.id) === key) versions.push(value);
    else unreadable.push(key);
  }
  return { versions: versions.sort(newestFirst), unreadable };
}

/** The file text of a version, or null when it is missing or not text. */
export async function versionText(kv: KV, id: string): Promise<string | null> {
  const t = await kv.get(versionTextKey(id));
  return typeof t === 'string' ? t : null;
}

/**
 * The writes that add a version of `ws` (file text `text`, saved after `prev`) and prune the
 * history: put its record and text, delete the records and texts pruning drops (readable ones only).
 */
export async function versionOps(kv: KV, prev: Workspace | null, ws: Workspace, text: string, seq: number, now = Date.now(),
  opts?: PruneOptions): Promise<KvOp[]> {
  const meta: VersionMeta = {
    id: versionId(now, seq), at: new Date(now).toISOString(), seq, size: byteSize(text),
    summary: { zh: summarize(prev, ws, 'zh'), en: summarize(prev, ws, 'en') },
  };
  const { versions } = await listVersions(kv);
  const { drop } = pruneVersions([meta, ...versions.filter((v) => v.id !== meta.id)], opts);
  return [
    { put: versionMetaKey(meta.id), value: meta },
    { put: versionTextKey(meta.id), value: text },
    ...drop.flatMap((v): KvOp[] => [{ del: versionMetaKey(v.id) }, { del: versionTextKey(v.id) }]),
  ];
}
