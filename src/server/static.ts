/**
 * Serves the built game (dist/) over HTTP: GET and HEAD only, no path outside the folder, the right
 * MIME types, gzip for text when the browser accepts it, ETags, and long caching for Vite's hashed
 * assets. Files are read once and kept in memory (the whole build is a few megabytes).
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { SECURITY_HEADERS } from './security-headers.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg)/;

interface CachedFile {
  type: string;
  etag: string;
  body: Buffer;
  gzipped?: Buffer;
}

export type StaticHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * `redirect`: asked about a path that is no file of the site; a path it returns is where the browser
 * is sent instead (302), e.g. the short addresses people type (src/workshop/short-address.ts).
 */
export function serveStatic(folder: string, redirect?: (pathname: string) => string | undefined): StaticHandler {
  const root = existsSync(folder) ? realpathSync(folder) : resolve(folder);
  const cache = new Map<string, CachedFile>();

  const load = (path: string): CachedFile | undefined => {
    const cached = cache.get(path);
    if (cached) return cached;
    let full = join(root, path);
    if (!existsSync(full)) return undefined;
    if (statSync(full).isDirectory()) full = join(full, 'index.html');
    if (!existsSync(full) || !statSync(full).isFile()) return undefined;
    // A link inside dist/ must not lead outside it either.
    const real = realpathSync(full);
    if (real !== root && !real.startsWith(root + sep)) return undefined;
    const body = readFileSync(real);
    const type = MIME[extname(real).toLowerCase()] ?? 'application/octet-stream';
    const file: CachedFile = {
      type,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`,
    };
    if (COMPRESSIBLE.test(type) && body.length > 512) file.gzipped = gzipSync(body);
    cache.set(path, file);
    return file;
  };

  return (request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response
        .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Method not allowed\n');
      return;
    }
    const path = safePath(request.url ?? '/');
    const file = path === undefined ? undefined : load(path);
    if (!file) {
      const target = redirect?.(rawPath(request.url ?? '/'));
      if (target) {
        // Not cached: a room code leads somewhere only while its session exists.
        response.writeHead(302, { Location: target, 'Cache-Control': 'no-store' }).end();
        return;
      }
      const missingBuild = !existsSync(join(root, 'index.html'));
      response
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(
          missingBuild
            ? 'The game has not been built: run `npm start` (it builds first) or `npm run build`.\n'
            : 'Not found\n',
        );
      return;
    }
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      ETag: file.etag,
      'Cache-Control': path!.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (request.headers['if-none-match'] === file.etag) {
      response.writeHead(304, headers).end();
      return;
    }
    const gzip = file.gzipped && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip ? file.gzipped! : file.body;
    if (gzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(body.length);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

/** The URL's path as sent (still percent-encoded), or '/' when the URL does not parse. */
function rawPath(url: string): string {
  try {
    return new URL(url, 'http://x').pathname;
  } catch {
    return '/';
  }
}

/** The URL's path, decoded and normalised, or undefined when it is not a plain path inside the site. */
export function safePath(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => part === '..' || part.startsWith('.'))) return undefined;
  return '/' + parts.join('/');
}
