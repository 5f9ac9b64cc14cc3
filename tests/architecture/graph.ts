/**
 * The import graph of the source tree, read from the text of each module: every `import … from`,
 * bare `import '…'`, dynamic `import('…')`, `export … from` and worker `new URL('…', import.meta.url)`.
 * Type-only imports are told apart (they vanish at build time but still say what a floor knows).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface Edge {
  from: string;
  /** Repository-relative path for our own modules; the package name for npm and node: modules. */
  to: string;
  typeOnly: boolean;
  line: number;
}

const SOURCE = /\.(ts|mjs)$/;

export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (SOURCE.test(name) && !/\.test\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, p));
    }
  };
  for (const d of dirs) walk(join(root, d));
  return out.sort();
}

const PATTERNS: { re: RegExp; type: (m: RegExpMatchArray) => boolean }[] = [
  { re: /(?:^|;)\s*import\s+(type\s+)?[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm, type: (m) => !!m[1] },
  { re: /(?:^|;)\s*export\s+(type\s+)?(?:\*|\{[^}]*\})\s*from\s+['"]([^'"]+)['"]/gm, type: (m) => !!m[1] },
  { re: /(?:^|;)\s*import\s+()['"]([^'"]+)['"]/gm, type: () => false },
  { re: /\bimport\(\s*()['"]([^'"]+)['"]\s*\)/g, type: () => false },
  { re: /new\s+URL\(\s*()['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url/g, type: () => false },
];

function packageOf(spec: string): string {
  if (spec.startsWith('node:')) return 'node:';
  const parts = spec.split('/');
  return spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

export function edgesOf(root: string, file: string): Edge[] {
  const text = readFileSync(join(root, file), 'utf8');
  const edges: Edge[] = [];
  for (const { re, type } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const spec = m[2]!.split('?')[0]!;
      const line = text.slice(0, m.index).split('\n').length;
      const to = spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)) : packageOf(spec);
      edges.push({ from: file, to, typeOnly: type(m), line });
    }
  }
  return edges;
}

export function importGraph(root: string, dirs: readonly string[]): Edge[] {
  return sourceFiles(root, dirs).flatMap((f) => edgesOf(root, f));
}
