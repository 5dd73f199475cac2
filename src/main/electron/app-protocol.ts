import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { protocol } from 'electron';
import { mimeTypeOf, resolveAppFile } from './app-file-resolver';
import { APP_SCHEME } from './app-url';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

/**
 * Must run before the app is ready. `standard` gives the scheme real origins and
 * relative URLs, `secure` makes it a secure context, `supportFetchAPI` lets the
 * renderer fetch its own assets. It is deliberately not `bypassCSP`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

/**
 * Serves the built renderer (out/renderer) on `app://spoke/`. A path with no
 * file extension that matches no file gets index.html, so a reload on a
 * client-side route still opens the app.
 */
export function serveRenderer(rendererDir: string): void {
  const indexFile = join(rendererDir, 'index.html');
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Forbidden', { status: 403, headers: securityHeaders });
    let served = file;
    let body = await readOrNull(file);
    if (!body && extname(file) === '') {
      served = indexFile;
      body = await readOrNull(indexFile);
    }
    if (!body) return new Response('Not found', { status: 404, headers: securityHeaders });
    return new Response(body, {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': mimeTypeOf(served) },
    });
  });
}
