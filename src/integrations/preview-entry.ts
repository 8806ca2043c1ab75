/**
 * The preview server `astro preview` runs for this archive (see preview-server.ts): Vite's
 * static preview as Astro starts it — base path, trailing slashes, directory index pages, the
 * site's 404 page — plus the raw sources served with their real Content-Type.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview, type Plugin } from 'vite';
import { rawContentType } from '../lib/site/raw-source.ts';
import { RAW_DIR } from '../lib/site/urls.ts';

interface PreviewOptions {
  outDir: URL;
  host?: string;
  port: number;
  base: string;
  headers?: Record<string, string>;
  allowedHosts?: string[] | true;
}

const HAS_EXTENSION = /\.[^/]+$/;

// Types Vite's static server (sirv) gives without a charset, or not at all.
const TYPES: Record<string, string> = {
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * The Content-Type for a request under the output folder, when it is not sirv's: a raw
 * source's from its bytes, data files with their charset; null to leave it to sirv (which keeps
 * a type already set, and adds ETag, ranges and HEAD).
 */
export function previewContentType(dir: string, base: string, url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?')[0]!);
  } catch {
    return null;
  }
  const prefix = `${base.replace(/\/$/, '')}/${RAW_DIR}/`;
  if (path.startsWith(prefix)) {
    const root = resolve(dir, RAW_DIR);
    const file = resolve(root, path.slice(prefix.length));
    if (!file.startsWith(root + sep) || !existsSync(file)) return null;
    return rawContentType(readFileSync(file));
  }
  if (path.endsWith('/') || path.endsWith('.html')) return 'text/html; charset=utf-8';
  const ext = /\.[a-z0-9]+$/i.exec(path)?.[0]?.toLowerCase();
  return ext ? (TYPES[ext] ?? null) : null;
}

function archivePreview(dir: string, base: string): Plugin {
  const notFound = (res: ServerResponse): void => {
    const page = join(dir, '404.html');
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(existsSync(page) ? readFileSync(page) : 'Not found');
  };
  return {
    name: 'archive:preview',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '/';
        if (!url.startsWith(base)) return notFound(res);
        const type = previewContentType(dir, base, url);
        if (type) {
          res.setHeader('Content-Type', type);
          res.setHeader('X-Content-Type-Options', 'nosniff');
        }
        const pathname = url.split('?')[0]!;
        // trailingSlash: 'always', as Astro's preview enforces it
        if (pathname !== base && !pathname.endsWith('/') && !HAS_EXTENSION.test(pathname)) return notFound(res);
        next();
      });
      // after Vite's static files: the site's own 404 page
      return () => {
        server.middlewares.use((req, res, next) => {
          let pathname: string;
          try {
            pathname = decodeURIComponent((req.url ?? '/').split('?')[0]!);
          } catch {
            return notFound(res);
          }
          // Vite's HTML fallback has rewritten "/x/" to "/x/index.html" when that file exists
          const file = join(dir, pathname.slice(base.length - 1), pathname.endsWith('/') ? 'index.html' : '');
          if (existsSync(file)) return next();
          notFound(res);
        });
      };
    },
  };
}

export default async function start(opts: PreviewOptions) {
  const dir = fileURLToPath(opts.outDir);
  const base = opts.base.endsWith('/') ? opts.base : `${opts.base}/`;
  const server = await preview({
    configFile: false,
    base,
    appType: 'mpa',
    root: process.cwd(),
    build: { outDir: dir },
    preview: {
      port: opts.port,
      ...(opts.host ? { host: opts.host } : {}),
      ...(opts.headers ? { headers: opts.headers } : {}),
      ...(opts.allowedHosts ? { allowedHosts: opts.allowedHosts } : {}),
    },
    plugins: [archivePreview(dir, base)],
  });
  server.printUrls();
  const address = server.httpServer.address();
  return {
    host: opts.host,
    port: address && typeof address === 'object' ? address.port : opts.port,
    server: server.httpServer,
    closed: () =>
      new Promise<void>((ok, fail) => {
        server.httpServer.addListener('close', () => ok());
        server.httpServer.addListener('error', fail);
      }),
    stop: () => server.close(),
  };
}
