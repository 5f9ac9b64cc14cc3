/**
 * The one printer of field paths, the form every message uses: `hospitals[12].history[2]`,
 * `policy.levelCoefficients["三级"]`. With `ids`, a string segment "#H003" (the workspace's
 * id segment: the list element whose id is H003) prints as `hospitals[id=H003]`.
 */
export type PathSegment = string | number;
/** A path into a scenario or workspace: object keys and list indices (and, in a workspace, id segments). */
export type Path = PathSegment[];

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const PLAIN_ID = /^[^\]["'\s=]+$/;

export function formatPath(path: readonly PropertyKey[], ids = false): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'symbol') out += `[${String(seg)}]`;
    else if (ids && seg.length > 1 && seg.startsWith('#')) {
      const id = seg.slice(1);
      out += `[id=${PLAIN_ID.test(id) ? id : JSON.stringify(id)}]`;
    } else if (IDENT.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/**
 * The inverse of `formatPath` (without ids): `hospitals[12].history[2]` → ["hospitals", 12,
 * "history", 2]. Used to name the field of an issue in words; an unreadable path gives null.
 */
export function parsePath(text: string): Path | null {
  const out: Path = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '[') {
      const m = /^\[(\d+)\]/.exec(text.slice(i, i + 24));
      if (m) { out.push(Number(m[1])); i += m[0].length; continue; }
      const q = /^\[("(?:[^"\\]|\\.)*")\]/.exec(text.slice(i));
      if (!q) return null;
      try { out.push(JSON.parse(q[1]!) as string); } catch { return null; }
      i += q[0].length;
      continue;
    }
    if (text[i] === '.') i++;
    const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i, i + 300));
    if (!m) return null;
    out.push(m[0]);
    i += m[0].length;
  }
  return out;
}
