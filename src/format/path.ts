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
