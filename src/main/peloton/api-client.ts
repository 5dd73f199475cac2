import ky, { HTTPError, type KyInstance, TimeoutError } from 'ky';
import type { z } from 'zod';
import { UserError } from '../errors';
import type { Logger } from '../log/logger';
import { createLimiter } from '../util/limiter';

/** Where an API call gets its bearer token, and how it recovers from a 401. */
export type TokenSource = {
  current(): Promise<string>;
  /** Called once per call on a 401: refresh (single-flight) and return the new token. */
  renew(stale: string): Promise<string>;
};

export type ApiClientOptions = {
  apiUrl: string;
  tokens: TokenSource;
  log?: Logger;
  /** Requests in flight at once (Peloton is polite-use only: about 4). */
  concurrency?: number;
  retries?: number;
  /** First retry delay in ms; doubles each time, with full jitter. */
  retryBaseMs?: number;
  timeoutMs?: number;
};

export type ApiClient = {
  getJson<T extends z.ZodType>(
    path: string,
    schema: T,
    search?: Record<string, string | number>,
  ): Promise<z.output<T>>;
  getText(path: string, search?: Record<string, string | number>): Promise<string>;
  /** HTTP requests made to Peloton so far, retries included. */
  readonly requests: number;
};

/** Body-level failures a 200 can carry (empty body, cut-off JSON): retried like a 5xx. */
class BadBody extends Error {}

/**
 * The Peloton API client: bounded concurrency, retries with exponential backoff
 * and jitter on 408/429/5xx/Cloudflare 1015/timeouts/empty or broken bodies,
 * Retry-After honoured, one token renewal on 401, and every JSON response
 * validated before anyone may write it.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const retries = options.retries ?? 6;
  const base = options.retryBaseMs ?? 300;
  const limit = createLimiter(options.concurrency ?? 4);
  let requests = 0;
  const http: KyInstance = ky.create({
    prefixUrl: options.apiUrl,
    timeout: options.timeoutMs ?? 20_000,
    headers: {
      accept: 'application/json',
      'peloton-platform': 'web',
      'user-agent': 'Spoke (desktop analytics)',
    },
    fetch: (input, init) => {
      requests++;
      return fetch(input, init);
    },
    retry: {
      limit: retries,
      methods: ['get'],
      statusCodes: [408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524],
      afterStatusCodes: [413, 429, 503],
      maxRetryAfter: 120_000,
      backoffLimit: 30_000,
      delay: (attempt) => base * 2 ** (attempt - 1),
      jitter: true,
      retryOnTimeout: true,
    },
  });

  async function fetchBody(
    path: string,
    search: Record<string, string | number> | undefined,
    accept: string,
  ) {
    let token = await options.tokens.current();
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await http.get(path.replace(/^\//, ''), {
          searchParams: search,
          headers: { authorization: `Bearer ${token}`, accept },
        });
        const text = await readCapped(res, path);
        if (text.trim() === '') throw new BadBody('empty body');
        return text;
      } catch (error) {
        if (error instanceof HTTPError && error.response.status === 401 && !renewed) {
          renewed = true;
          token = await options.tokens.renew(token);
          continue;
        }
        const retryable = error instanceof BadBody;
        if (retryable && attempt < retries) {
          await sleep(Math.random() * base * 2 ** attempt);
          continue;
        }
        throw explain(error, path);
      }
    }
  }

  return {
    async getJson(path, schema, search) {
      return limit(async () => {
        for (let attempt = 0; ; attempt++) {
          const text = await fetchBody(path, search, 'application/json');
          let json: unknown;
          try {
            json = JSON.parse(text, text.includes('\\u0000') ? withoutNul : undefined);
          } catch {
            // A cut-off body: the connection dropped mid-answer. Ask again.
            if (attempt < retries) {
              await sleep(Math.random() * base * 2 ** attempt);
              continue;
            }
            throw new UserError(`Peloton sent a broken answer for ${path} several times; try again later.`);
          }
          const parsed = schema.safeParse(json);
          if (!parsed.success) {
            options.log?.warn('Peloton response failed validation', {
              path,
              issues: parsed.error.issues.slice(0, 3),
            });
            throw new UserError(
              `Peloton answered ${path} with data Spoke does not understand (${parsed.error.issues[0]?.path.join('.') || 'shape'}); nothing was written.`,
            );
          }
          return parsed.data;
        }
      });
    },
    getText(path, search) {
      return limit(() => fetchBody(path, search, 'text/csv'));
    },
    get requests() {
      return requests;
    },
  };
}

function explain(error: unknown, path: string): Error {
  if (error instanceof UserError) return error;
  if (error instanceof HTTPError) {
    const status = error.response.status;
    if (status === 401)
      return new UserError(
        'Peloton no longer accepts this sign-in. Sign in again from Settings.',
        'unauthorized',
      );
    if (status === 403) return new UserError(`Peloton refused access to ${path} (403).`, 'forbidden');
    if (status === 404) return new UserError(`Peloton has no ${path} (404).`, 'not_found');
    if (status === 429)
      return new UserError(
        'Peloton is rate-limiting requests; Spoke backed off and gave up for now. Try again later.',
      );
    return new UserError(`Peloton kept failing (HTTP ${status}) on ${path}; try again later.`);
  }
  if (error instanceof TimeoutError)
    return new UserError(`Peloton did not answer ${path} in time; try again later.`);
  if (error instanceof BadBody)
    return new UserError(`Peloton kept sending empty answers for ${path}; try again later.`);
  return new UserError('Cannot reach Peloton. Check your internet connection and try again.');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * U+0000 cannot be stored in Postgres text or jsonb, nor read back from a CSV file:
 * one in a class title would block every later load. It becomes U+FFFD (the
 * replacement character) as the answer is read, before anything is written.
 */
function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value;
}

/**
 * Far more than any real answer (a page of 100 workouts is well under 1 MB; the CSV
 * export of 20,000 workouts about 5 MB). A broken or hostile server streaming without
 * end would otherwise fill the memory, or land an enormous title in the cache.
 */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/** The body as text, refused (not retried) once it passes MAX_ANSWER_BYTES. */
async function readCapped(res: Response, path: string): Promise<string> {
  const tooBig = () =>
    new UserError(
      `Peloton sent more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB for ${path}, more than any real answer; Spoke stopped reading it and wrote nothing. Try again later.`,
    );
  if (Number(res.headers.get('content-length') ?? 0) > MAX_ANSWER_BYTES) {
    await res.body?.cancel();
    throw tooBig();
  }
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  // Decoded as Response.text() would: UTF-8, a BOM dropped.
  return new TextDecoder().decode(Buffer.concat(chunks));
}
