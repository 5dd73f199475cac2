import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Faults } from './faults';
import {
  bearerOf,
  type FakeRequest,
  type FakeResponse,
  matchRoute,
  parseBody,
  parseCookies,
  pelotonError,
  type Route,
  readBody,
  writeResponse,
} from './http';
import type { StatsRecorder } from './stats';
import type { LatencyOption } from './types';

/** Shared by both hosts: the knobs the admin turns at run time. */
export type Runtime = {
  stats: StatsRecorder;
  faults: Faults;
  latency: LatencyOption;
  maxInFlightPerToken: number;
  timers: Set<NodeJS.Timeout>;
};

export type HostOptions = {
  host: 'api' | 'auth';
  routes: readonly Route[];
  /** Served first, outside stats, latency and faults (the API host's `/__admin/…`). */
  adminRoutes?: readonly Route[];
  runtime: Runtime;
};

function sleep(rt: Runtime, ms: number, res?: ServerResponse): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      rt.timers.delete(timer);
      resolve();
    }, ms);
    rt.timers.add(timer);
    // A client that gives up frees the wait (and the timer) at once.
    res?.once('close', () => {
      clearTimeout(timer);
      rt.timers.delete(timer);
      resolve();
    });
  });
}

function latencyFor(latency: LatencyOption, pattern: string): number {
  if (typeof latency === 'number') return latency;
  return latency[pattern] ?? latency.default ?? 0;
}

async function run(route: Route | null, pattern: string | null, req: FakeRequest): Promise<FakeResponse> {
  if (!route) return pattern ? pelotonError(405, 0, 'Method not allowed') : pelotonError(404, 0, 'Not found');
  try {
    return await route.handler(req);
  } catch (error) {
    return pelotonError(
      500,
      0,
      `Fake Peloton error: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function handle(o: HostOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const rt = o.runtime;
  const url = new URL(req.url ?? '/', 'http://fake-peloton.invalid');
  const method = req.method ?? 'GET';
  const isAdmin = o.adminRoutes !== undefined && url.pathname.startsWith('/__admin/');
  const match = matchRoute(isAdmin ? (o.adminRoutes ?? []) : o.routes, method, url.pathname);
  const raw = await readBody(req);
  const fakeReq: FakeRequest = {
    method,
    url,
    params: match.params,
    headers: req.headers,
    cookies: parseCookies(req.headers.cookie),
    body: parseBody(raw, req.headers['content-type']),
    bearer: bearerOf(req.headers),
  };
  if (isAdmin) return writeResponse(res, await run(match.route, match.pattern, fakeReq));

  const pattern = match.pattern ?? 'unmatched';
  const platformWeb = String(req.headers['peloton-platform'] ?? '').toLowerCase() === 'web';
  rt.stats.request(pattern, o.host === 'api' && url.pathname.startsWith('/api/'), platformWeb);
  const token = o.host === 'api' ? fakeReq.bearer : null;
  if (token) {
    // A rate-limiting front: too many requests open on one token and the next is refused.
    if (!rt.stats.enter(token, rt.maxInFlightPerToken)) {
      return writeResponse(res, {
        ...pelotonError(429, 429, 'Too many requests in flight'),
        headers: { 'content-type': 'application/json', 'retry-after': '1' },
      });
    }
    res.once('close', () => rt.stats.leave(token));
  }
  await sleep(rt, latencyFor(rt.latency, pattern), res);
  const fault = rt.faults.pick(url.pathname);
  if (fault && fault !== 'truncated-json') rt.stats.fault(fault);
  if (fault === 'timeout') {
    await sleep(rt, rt.faults.options?.timeoutMs ?? 30_000, res);
    res.destroy();
    return;
  }
  if (fault === 'slow') await sleep(rt, rt.faults.options?.slowMs ?? 1500, res);
  let answer = (fault && rt.faults.response(fault)) || (await run(match.route, match.pattern, fakeReq));
  // Only JSON is cut: a cut CSV would still parse, silently short, which no client could notice.
  const isJson = String(answer.headers?.['content-type'] ?? '').includes('json');
  if (fault === 'truncated-json' && answer.status === 200 && answer.body && isJson) {
    rt.stats.fault(fault);
    answer = { ...answer, body: answer.body.slice(0, Math.floor(answer.body.length / 2)) };
  }
  writeResponse(res, answer);
}

/** One host on 127.0.0.1 (port 0 = random); resolves with its base URL. */
export async function startHost(o: HostOptions, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    handle(o, req, res).catch((error: unknown) => {
      writeResponse(res, pelotonError(500, 0, error instanceof Error ? error.message : 'fake error'));
    });
  });
  // Like a CDN front, idle connections stay open well past a long local step (writing a backfill's
  // CSVs), so a client never races a server closing its reused socket.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${bound}` };
}

export async function stopHost(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
