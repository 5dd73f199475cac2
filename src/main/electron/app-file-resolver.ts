import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file the renderer loads (scripts must not be served as octet-stream). */
export function mimeTypeOf(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rootDir` that an `app://spoke/...` URL names, or null when the
 * URL is not ours or points outside the folder. Encoded separators and dots
 * (`..%2f`, `%2e%2e`), backslashes and NUL bytes are decoded before the check,
 * so no spelling of `../../etc/passwd` reads a file the renderer does not ship.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  let pathname: string;
  try {
    parsed = new URL(url);
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (pathname.includes('\0')) return null;
  const root = resolve(rootDir);
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^[/\\]+/, '');
  const file = resolve(root, wanted);
  const inside = relative(root, file);
  if (inside === '' || isAbsolute(inside) || inside.split(sep)[0] === '..') return null;
  return file;
}
