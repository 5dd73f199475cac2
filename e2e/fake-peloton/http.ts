import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** What a route answers; the pipeline may still delay, replace or cut it (faults). */
export type FakeResponse = { status: number; headers?: Record<string, string | string[]>; body?: string };

export type FakeRequest = {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  cookies: Record<string, string>;
  /** Parsed JSON or form body (empty object when there is none). */
  body: Record<string, unknown>;
  bearer: string | null;
};

export type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;
export type Route = { method: string; pattern: string; handler: Handler };

export const json = (
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): FakeResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

export const text = (
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  headers = {},
): FakeResponse => ({
  status,
  headers: { 'content-type': type, ...headers },
  body,
});

export const html = (
  status: number,
  body: string,
  headers: Record<string, string | string[]> = {},
): FakeResponse => text(status, body, 'text/html; charset=utf-8', headers);

export const redirect = (
  location: string,
  headers: Record<string, string | string[]> = {},
): FakeResponse => ({
  status: 302,
  headers: { location, ...headers },
  body: '',
});

/** Peloton's error body: `{"status","error_code","subcode":null,"message","details":null}`. */
export const pelotonError = (status: number, errorCode: number, message: string): FakeResponse =>
  json(status, { status, error_code: errorCode, subcode: null, message, details: null });

export const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;');

/** Finds the route for a path: `{name}` segments capture. Returns the pattern even on a method mismatch. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route | null; pattern: string | null; params: Record<string, string> } {
  const segments = path.split('/');
  let pattern: string | null = null;
  for (const route of routes) {
    const parts = route.pattern.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = parts.every((p, i) => {
      const s = segments[i] ?? '';
      if (p.startsWith('{') && p.endsWith('}')) {
        params[p.slice(1, -1)] = decodeURIComponent(s);
        return s !== '';
      }
      return p === s;
    });
    if (!ok) continue;
    pattern = route.pattern;
    if (route.method === method) return { route, pattern, params };
  }
  return { route: null, pattern, params: {} };
}

export function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON or `application/x-www-form-urlencoded`, as Auth0 accepts both. */
export function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw.trim() === '') return {};
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return contentType?.includes('json') ? {} : Object.fromEntries(new URLSearchParams(raw));
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

export function bearerOf(headers: IncomingHttpHeaders): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return m?.[1] ?? null;
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function writeResponse(res: ServerResponse, r: FakeResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(r.status, r.headers);
  res.end(r.body ?? '');
}
