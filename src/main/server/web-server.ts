import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventNames } from '../../shared/channels';
import type { ApiResult, ErrorCode } from '../../shared/result';
import { dispatch, type Handlers } from '../api/dispatch';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import { allowedHosts, bearerToken, checkHostAndOrigin, tokenMatches } from './request-guard';
import { serveStatic } from './static-files';

export type WebServerOptions = {
  handlers: Handlers;
  events: EventBus;
  log?: Logger;
  staticDir: string;
  host?: string;
  port?: number;
  token?: string;
};

export type WebServer = { url: string; token: string; port: number; close(): Promise<void> };

const MAX_BODY = 1024 * 1024;

const STATUS: Record<ErrorCode, number> = {
  bad_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  failed: 422,
  internal: 500,
};

/** `spoke serve`: the API contract over HTTP (POST /api/<channel>), server-sent events, and the dashboard. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  let hosts = new Set<string>();
  const streams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, fail('internal', 'Something went wrong inside Spoke.'));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://spoke.invalid');
    const verdict = checkHostAndOrigin(req, hosts);
    if (!verdict.ok) return send(res, verdict.status, fail('forbidden', verdict.message));
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, fail('bad_input', 'Method not allowed.'));
      return serveStatic(options.staticDir, url.pathname, res);
    }
    // The token is checked before any routing, so nothing about the API is learned without it.
    const given = url.pathname === '/api/events' ? url.searchParams.get('token') : bearerToken(req);
    if (!tokenMatches(given, token)) {
      return send(
        res,
        401,
        fail('unauthorized', 'Missing or wrong access token: open the URL `spoke serve` printed.'),
      );
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
    if (req.method !== 'POST') return send(res, 405, fail('bad_input', 'Use POST for API channels.'));
    const body = await readBody(req);
    if (body === null) return send(res, 413, fail('bad_input', 'The request body is too large.'));
    let input: unknown;
    try {
      input = body.trim() === '' ? undefined : JSON.parse(body);
    } catch {
      return send(res, 400, fail('bad_input', 'The request body is not valid JSON.'));
    }
    const result = await dispatch(
      options.handlers,
      decodeURIComponent(url.pathname.slice('/api/'.length)),
      input,
      options.log,
    );
    send(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  function openEventStream(res: ServerResponse) {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const unsubscribe = eventNames.map((name) =>
    options.events.on(name, (payload) => {
      for (const res of streams) res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    }),
  );
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(host, port);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const off of unsubscribe) off();
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function fail(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function send(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
