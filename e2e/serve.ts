/**
 * Build the app once (vite build → dist/) and serve dist/ from a tiny static server on
 * 127.0.0.1 (port 0), the way a bureau's intranet web server would. Used by the e2e global
 * setup and by bench/browser.ts.
 */
import { createServer, type Server } from 'node:http';
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DIST = join(ROOT, 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.ico': 'image/x-icon', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};

/** `vite build` in a child process: a clean production environment (the test runner sets NODE_ENV=test). */
export async function buildApp(): Promise<void> {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await new Promise<void>((ok, fail) => {
    // BENCH_PROFILE (bench/browser.ts) reads function names from the profile: built unminified then.
    const args = [vite, 'build', '--logLevel', 'warn', ...(process.env.BENCH_PROFILE ? ['--minify', 'false'] : [])];
    execFile(process.execPath, args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } }, (err, _out, stderr) =>
      err ? fail(new Error(`vite build failed: ${stderr}`)) : ok());
  });
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function serve(dir = DIST): Promise<Served> {
  const server: Server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) throw new Error('outside');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
