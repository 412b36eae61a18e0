import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { problemResponse } from '../http/problem';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.woff2': 'font/woff2',
};

type Lookup = { file: string; size: number } | { directory: true } | null;

/**
 * The file that `relativePath` (still percent-encoded) names under `root`, or null. Decoding
 * happens here, once, and the result is checked on its real path: neither `..` (plain or encoded)
 * nor a symlink can lead outside the folder, and hidden files are never served.
 */
async function lookUp(root: string, relativePath: string): Promise<Lookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment.startsWith('.'))) return null;
  const inside = (path: string) => path === root || path.startsWith(root + sep);
  try {
    const real = await realpath(resolve(root, `./${decoded}`));
    if (!inside(real)) return null;
    const stats = await stat(real);
    if (stats.isDirectory()) return { directory: true };
    return stats.isFile() ? { file: real, size: stats.size } : null;
  } catch {
    return null;
  }
}

function notFound(): Response {
  return problemResponse(404, 'Not Found');
}

async function serveFile(file: string, size: number, headOnly: boolean): Promise<Response> {
  const headers = {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(size),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (headOnly) return new Response(null, { headers });
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, { headers });
}

/**
 * Serves the demo agent console and CRM pages read-only, mounted at `/demo`: `/demo/` is the
 * index, `/demo/softphone.html` the console, `/demo/customer.html?id=C-1001` a customer.
 */
export function demoPagesRoute(folder: string): Hono {
  const rootPromise = realpath(folder);
  return new Hono().get('/*', async (c) => {
    const root = await rootPromise;
    // The raw path, still encoded: c.req.path has already been partly decoded.
    const { pathname } = new URL(c.req.url);
    if (pathname === '/demo') return c.redirect('/demo/', 301);
    if (!pathname.startsWith('/demo/')) return notFound();
    const relative = pathname.slice('/demo/'.length);
    const found = await lookUp(root, relative);
    if (found === null) return notFound();
    if ('directory' in found) {
      if (relative !== '' && !relative.endsWith('/')) return c.redirect(`${pathname}/`, 301);
      const index = await lookUp(root, `${relative}index.html`);
      if (index === null || 'directory' in index) return notFound();
      return serveFile(index.file, index.size, c.req.method === 'HEAD');
    }
    return serveFile(found.file, found.size, c.req.method === 'HEAD');
  });
}
