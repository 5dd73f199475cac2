import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Checks every request must pass before routing. Host: a DNS-rebinding page
 * reaches us under its own host name, so only the names we serve are accepted.
 * Origin: a foreign page's fetch carries its origin, so cross-site calls are refused.
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set([host]);
  if (host === '127.0.0.1' || host === 'localhost' || host === '::1') {
    names.add('127.0.0.1').add('localhost').add('[::1]');
  }
  if (host === '0.0.0.0' || host === '::') {
    // Bound to every interface on purpose (--host): any name may reach us; the token still guards the API.
    return new Set();
  }
  return new Set([...names].map((n) => `${n.includes(':') && !n.startsWith('[') ? `[${n}]` : n}:${port}`));
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

export function checkHostAndOrigin(req: IncomingMessage, hosts: Set<string>): GuardVerdict {
  const host = req.headers.host ?? '';
  if (hosts.size > 0 && !hosts.has(host)) {
    return { ok: false, status: 403, message: `Requests for host "${host}" are not served here.` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return { ok: false, status: 403, message: 'Cross-origin requests are refused.' };
  }
  return { ok: true };
}

export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}
