/**
 * The Vite plugins of the single-file build (vite.single.config.ts → dist-single/gbsim.html):
 * the app as one HTML file a bureau opens by double-click from disk (file://). Why each step
 * is needed is in docs/SINGLE-FILE.md; in short, a page opened from file:// has an opaque
 * origin and may load no other file:
 *
 * - `inlineWorkers`: every `new Worker(new URL('…', import.meta.url), { type: 'module' })` of
 *   the page becomes `spawnInline(…)` (single-file-spawn.ts): the worker, built as one piece, is
 *   carried in the page as a script block the browser does not run, and started from a blob: URL
 *   of its text. Any other `new Worker(` fails the build, so a new worker cannot slip through as
 *   a file that would not load. (Not Vite's `?worker&inline`: that puts every worker's code, the
 *   case worker's 10 MB with DuckDB inside, in one string literal of the page's script, parsed
 *   at every start.)
 * - `packDuckdbWasm`: in the workers' build, src/cases/wasm-url.ts is replaced by a module that
 *   carries DuckDB's wasm as base64 of its gzip and unpacks it to a blob: URL when a case list
 *   is first imported.
 * - `finishHtml` (after vite-plugin-singlefile has inlined the script and style): the workers'
 *   blocks, the favicon
 *   as a data: URL, and the Content-Security-Policy rewritten for a file with no origin: the
 *   inline script and style allowed by their sha256, workers and DuckDB's fetch from blob: only,
 *   nothing from any network or any other file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Script } from 'node:vm';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const SOURCE = /\.(ts|js|mjs)$/;
const WORKER = /new Worker\(\s*new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)\s*,\s*\{\s*type:\s*'module'\s*\}\s*\)/g;
const SPAWN = fileURLToPath(new URL('./single-file-spawn.ts', import.meta.url));

/**
 * The page's module workers → `spawnInline(url)` (single-file-spawn.ts), which starts the worker
 * from its code carried in the page (see finishHtml). In a worker's own build (`nested`) any
 * `new Worker(` fails: a worker started from a blob: URL could not find a worker file either.
 */
export function inlineWorkers(root: string, nested = false): Plugin {
  return {
    name: 'gbsim:inline-workers',
    enforce: 'pre',
    transform(code, id) {
      // Only our own source files (not Vite's generated `?worker` modules, not packages).
      if (!id.startsWith(root) || id.includes('/node_modules/') || id.includes('?') || !SOURCE.test(id) || id === SPAWN) return null;
      if (!code.includes('new Worker(')) return null;
      const imports: string[] = [];
      const out = nested ? code : code.replace(WORKER, (_m, _q: string, path: string) => {
        const name = `__gbWorker${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(`${path}?worker&url`)};`);
        return `__gbSpawn(${name})`;
      });
      const left = out.split('\n').filter((l) => /new Worker\(/.test(l) && !/^\s*(\*|\/\/)/.test(l));
      if (left.length) {
        this.error(nested ? `a worker that starts a worker cannot run from the single file: ${left[0]!.trim()}`
          : `a worker the single file cannot carry (write it as new Worker(new URL('…', import.meta.url), { type: 'module' })): ${left[0]!.trim()}`);
      }
      if (!imports.length) return null;
      return { code: `import { spawnInline as __gbSpawn } from ${JSON.stringify(SPAWN)};\n${imports.join('\n')}\n${out}`, map: null };
    },
  };
}

let packed: { base64: string; rawBytes: number } | null = null;

/** DuckDB's wasm, gzipped, as base64 text (made once per build: gzip of 34 MB takes seconds). */
export function packedDuckdbWasm(root: string): { base64: string; rawBytes: number } {
  if (packed) return packed;
  const wasm = createRequire(join(root, 'package.json')).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
  const raw = readFileSync(wasm);
  return packed = { base64: gzipSync(raw, { level: 9 }).toString('base64'), rawBytes: raw.length };
}

/** In the workers' build: wasm-url.ts → the wasm carried inside, unpacked on first use. */
export function packDuckdbWasm(root: string): Plugin {
  const seam = join(root, 'src/cases/wasm-url.ts');
  const unpack = join(root, 'src/cases/wasm-unpack.ts');
  return {
    name: 'gbsim:pack-duckdb-wasm',
    enforce: 'pre',
    load(id) {
      if (id.split('?')[0] !== seam) return null;
      const { base64 } = packedDuckdbWasm(root);
      return [
        `import { unpackToUrl } from ${JSON.stringify(unpack)};`,
        `const packed = ${JSON.stringify(base64)};`,
        'let url = null;',
        'export function duckdbWasmUrl() { return url ??= unpackToUrl(packed); }',
      ].join('\n');
    },
  };
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy of the single file: no origin, so no 'self'; what runs inline by hash, workers and wasm from blob:. */
export function singleFileCsp(html: string): string {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/type="text\/x-gbsim-worker"/.test(m[1]!) && m[2]!.length > 0).map((m) => m[2]!);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  return [
    "default-src 'none'",
    // 'unsafe-eval': a worker started from a blob: URL lives under this policy (a served worker
    // gets its own from its response, none from a static server), and DuckDB-wasm's embind makes
    // its method callers with `new Function`. Eval can reach no network: every fetch is blob: only.
    `script-src ${scripts.map(sha256).join(' ')} 'wasm-unsafe-eval' 'unsafe-eval'`,
    `style-src ${styles.length ? styles.map(sha256).join(' ') : "'none'"}`,
    'worker-src blob:',
    'connect-src blob:',
    'img-src data: blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * A worker's one-piece ES module as a classic script: Chromium starts no module worker from a
 * blob: URL made by a page of an opaque (file://) origin, but does start a classic one. The module
 * must have no imports (it is one piece), no import.meta and no top-level await; a trailing
 * `export {…}` (names only a chunk the page never loads would import) is dropped. The body runs in
 * a strict function, so its top-level names stay its own as in a module (a top-level
 * `function close` must not replace the worker's). Checked by parsing it (node:vm, not run).
 */
export function asClassicWorker(name: string, code: string): string {
  const body = code.replace(/;?\s*export\s*\{[^}]*\};?\s*$/, ';\n');
  const classic = `(() => {\n"use strict";\n${body}\n})();\n`;
  try {
    new Script(classic, { filename: name });
  } catch (e) {
    throw new Error(`the worker ${name} is not one piece that can run as a classic script: ${(e as Error).message}`);
  }
  return classic;
}

/** Code as the text of a script block: nothing in it may end the block or open an HTML comment (as vite-plugin-singlefile does). */
const asBlockText = (code: string): string => code.replace(/<(\/script|!--)/gi, '\\x3C$1');

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/;
const CSP_MARK = '<!-- gbsim:csp -->';

/** After vite-plugin-singlefile: the workers' code as blocks, favicon inline, the file's own CSP, named gbsim.html. */
export function finishHtml(root: string, fileName = 'gbsim.html'): Plugin {
  return {
    name: 'gbsim:finish-html',
    enforce: 'post',
    // The served policy comes out before vite-plugin-singlefile inlines (it would warn that the
    // policy blocks inline code); this file's own policy goes in at the end.
    transformIndexHtml(html) {
      if (!CSP_META.test(html)) throw new Error('index.html has no Content-Security-Policy meta to replace');
      return html.replace(CSP_META, CSP_MARK);
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (!page || page.type !== 'asset') return this.error('the single-file build has no index.html');
        let html = String(page.source);
        const workers: string[] = [];
        const files = Object.keys(bundle).filter((n) => n !== 'index.html');
        for (const name of files) {
          const out = bundle[name]!;
          // What vite-plugin-singlefile left: the workers' files, each one piece, and nothing else.
          if (out.type !== 'asset' || !/\.js$/.test(name)) return this.error(`the single file cannot carry ${name}`);
          const code = String(out.source);
          delete bundle[name];
          // A piece the page never starts is left out (Rolldown emits apache-arrow's Arrow.dom beside
          // the case worker, which never loads it).
          if (!html.includes(name)) continue;
          const imported = files.find((f) => f !== name && code.includes(`./${f}`));
          if (imported) return this.error(`the worker ${name} imports ${imported}: a worker started from a blob: URL cannot`);
          workers.push(`<script type="text/x-gbsim-worker" data-file="${name}">${asBlockText(asClassicWorker(name, code))}</script>`);
        }
        html = html.replace('</body>', () => `${workers.join('\n')}\n</body>`);
        const icon = readFileSync(join(root, 'public/favicon.ico')).toString('base64');
        html = html.replace(/<link rel="icon" href="[^"]*"\s*\/?>/, `<link rel="icon" href="data:image/x-icon;base64,${icon}" />`);
        const left = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(?!data:)([^"]+)"/g)].map((m) => m[1]);
        if (left.length) this.error(`the single file still refers to other files: ${left.join(', ')}`);
        // The hashes are of the final script and style text, so the policy is written last.
        if (!html.includes(CSP_MARK)) this.error('the policy mark is gone from index.html');
        html = html.replace(CSP_MARK, () => `<meta http-equiv="Content-Security-Policy" content="${singleFileCsp(html)}" />`);
        delete bundle['index.html'];
        this.emitFile({ type: 'asset', fileName, source: html });
      },
    },
  };
}
