import { type FakeResponse, json, pelotonError, text } from './http';
import { createPrng, deriveSeed, type Prng } from './prng';
import type { FaultKind, FaultOptions } from './types';

export type Faults = {
  /** The fault for this request, if any: queued ones first, then the seeded draw. */
  pick(path: string): FaultKind | null;
  set(options: FaultOptions | null): void;
  failNext(kind: FaultKind, count: number, pathPrefix: string): void;
  readonly options: FaultOptions | null;
  /** The answer for the kinds that replace the response outright. */
  response(kind: FaultKind): FakeResponse | null;
};

export function createFaults(seed: number, initial: FaultOptions | null): Faults {
  const prng: Prng = createPrng(deriveSeed(seed, 'faults'));
  let options = initial;
  const queue: { kind: FaultKind; count: number; prefix: string }[] = [];
  return {
    get options() {
      return options;
    },
    pick(path) {
      const queued = queue.find((q) => path.startsWith(q.prefix));
      if (queued) {
        queued.count--;
        if (queued.count <= 0) queue.splice(queue.indexOf(queued), 1);
        return queued.kind;
      }
      if (!options || options.rate <= 0 || options.kinds.length === 0) return null;
      const prefixes = options.paths ?? ['/api/'];
      if (!prefixes.some((p) => path.startsWith(p))) return null;
      return prng.next() < options.rate ? prng.pick(options.kinds) : null;
    },
    set(next) {
      options = next;
    },
    failNext(kind, count, prefix) {
      queue.push({ kind, count, prefix });
    },
    response(kind) {
      switch (kind) {
        case '429':
          return pelotonError(429, 429, 'Too many requests');
        case '429-retry-after':
          return json(
            429,
            { status: 429, error_code: 429, subcode: null, message: 'Too many requests', details: null },
            { 'retry-after': String(options?.retryAfterSec ?? 1) },
          );
        case '1015':
          // Cloudflare's rate-limit page, as seen on /auth/login in Oct 2025.
          return text(429, 'error code: 1015', 'text/plain; charset=UTF-8', {
            server: 'cloudflare',
            'cf-ray': '8f00fake0000-EWR',
          });
        case '5xx': {
          const n = prng.int(0, 2);
          if (n === 0) return pelotonError(500, 500, 'Internal server error');
          if (n === 1)
            return text(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html', {
              server: 'cloudflare',
            });
          return text(503, 'upstream connect error or disconnect/reset before headers', 'text/plain');
        }
        case 'empty-200':
          return text(200, '', 'application/json; charset=utf-8');
        default:
          return null;
      }
    },
  };
}
