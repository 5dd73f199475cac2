import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../src/main/api/dispatch';
import { runCli } from '../../src/main/cli/run-cli';
import { createEventBus } from '../../src/main/events';
import { startWebServer, type WebServer } from '../../src/main/server/web-server';
import { channelNames } from '../../src/shared/channels';
import { tempDir } from '../helpers/temp-dir';

/**
 * `spoke serve` from the outside: what another machine on the network, a page in
 * another tab (cross-site or DNS rebinding) and a caller without the token can
 * reach. Handlers are spies, so "refused" means nothing ran.
 */

const servers: WebServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

function spyHandlers(): Handlers {
  return Object.fromEntries(
    channelNames.map((c) => [c, vi.fn(() => ({ called: c }))]),
  ) as unknown as Handlers;
}
const called = (handlers: Handlers) =>
  channelNames.filter((c) => vi.mocked(handlers[c]).mock.calls.length > 0);

async function serve(host?: string) {
  const handlers = spyHandlers();
  const staticDir = tempDir();
  const server = await startWebServer({ handlers, events: createEventBus(), staticDir, host });
  servers.push(server);
  return { server, handlers };
}

/** An address of this machine that other machines could reach, if it has one. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

type Reply = { status: number; body: string };

/** A raw request, so any Host, Origin or none at all can be sent. */
function raw(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; noHost?: boolean } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'POST',
        headers: options.headers,
        setHost: !options.noHost,
      },
      (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('where the web host listens', () => {
  it('binds 127.0.0.1 by default: the dashboard is not on the network', async () => {
    const { server } = await serve();
    expect(await canConnect('127.0.0.1', server.port)).toBe(true);
    if (lanAddress) expect(await canConnect(lanAddress, server.port)).toBe(false);
  });

  it('`spoke serve` without --host prints, and listens on, a loopback URL only', async () => {
    const dir = tempDir();
    let stop = () => {};
    const interrupted = new Promise<void>((resolve) => {
      stop = resolve;
    });
    let out = '';
    let printed = () => {};
    const urlPrinted = new Promise<void>((resolve) => {
      printed = resolve;
    });
    const exit = runCli(['serve', '--port', '0', '--data-dir', dir], {
      stdout: (t) => {
        out += t;
        if (out.includes('\n')) printed();
      },
      stderr: () => {},
      readStdin: async () => '',
      env: { SPOKE_SECRET_KEY: 'web-host-test' },
      isTty: false,
      interrupted: () => interrupted,
    });
    await urlPrinted;
    const url = new URL(out.trim());
    expect(url.hostname).toBe('127.0.0.1');
    const port = Number(url.port);
    expect(await canConnect('127.0.0.1', port)).toBe(true);
    if (lanAddress) expect(await canConnect(lanAddress, port)).toBe(false);
    stop();
    expect(await exit).toBe(0);
  });
});

describe('the access token', () => {
  it('is needed on every channel; without it, or with a wrong one, nothing runs', async () => {
    const { server, handlers } = await serve();
    const wrong: Record<string, string>[] = [
      {},
      { authorization: '' },
      { authorization: 'Bearer' },
      { authorization: 'Bearer ' },
      { authorization: `Bearer ${server.token}x` },
      { authorization: `Bearer ${server.token.slice(0, -1)}` },
      { authorization: `Basic ${server.token}` },
      { authorization: server.token },
      { cookie: `token=${server.token}` },
    ];
    for (const channel of channelNames) {
      for (const headers of wrong) {
        const reply = await raw(server.port, `/api/${channel}`, {
          headers: { ...headers, 'content-type': 'application/json' },
          body: '{}',
        });
        expect(reply.status, `${channel} ${JSON.stringify(headers)}`).toBe(401);
      }
      // The query string carries the token only for the event stream (EventSource cannot send headers).
      const inQuery = await raw(server.port, `/api/${channel}?token=${server.token}`, { body: '{}' });
      expect(inQuery.status, channel).toBe(401);
    }
    expect(called(handlers)).toEqual([]);
  });

  it('guards the event stream too', async () => {
    const { server } = await serve();
    for (const path of ['/api/events', '/api/events?token=', `/api/events?token=${server.token}0`]) {
      expect((await raw(server.port, path, { method: 'GET' })).status, path).toBe(401);
    }
  });

  it('still guards every channel when the host is opened to the network on purpose (--host 0.0.0.0)', async () => {
    const { server, handlers } = await serve('0.0.0.0');
    for (const channel of channelNames) {
      const reply = await raw(server.port, `/api/${channel}`, { headers: { host: 'nas.local:8080' } });
      expect(reply.status, channel).toBe(401);
    }
    expect(called(handlers)).toEqual([]);
  });
});

describe('requests from another site', () => {
  it.each([
    ['a foreign host name (DNS rebinding)', { host: 'evil.example' }],
    ['a foreign host on our port', { host: 'evil.example:PORT' }],
    ['a look-alike host', { host: '127.0.0.1.evil.example:PORT' }],
    ['our host on another port', { host: '127.0.0.1:1' }],
    ['a host with user info', { host: 'user@127.0.0.1:PORT' }],
    ['a foreign origin', { origin: 'https://evil.example' }],
    ['an opaque origin (sandboxed iframe, file:)', { origin: 'null' }],
    ['our host over another scheme', { origin: 'https://127.0.0.1:PORT' }],
    ['our host on another port', { origin: 'http://127.0.0.1:1' }],
    ['another loopback name than the Host', { origin: 'http://localhost:PORT' }],
  ])('refuses %s with 403, even holding the token', async (_what, given) => {
    const { server, handlers } = await serve();
    const headers = Object.fromEntries(
      Object.entries(given).map(([k, v]) => [k, v.replace('PORT', String(server.port))]),
    );
    for (const channel of channelNames) {
      const reply = await raw(server.port, `/api/${channel}`, {
        headers: { ...headers, authorization: `Bearer ${server.token}` },
      });
      expect(reply.status, channel).toBe(403);
    }
    // The page itself is not served to a rebinding host either.
    if ('host' in given) expect((await raw(server.port, '/', { method: 'GET', headers })).status).toBe(403);
    expect(called(handlers)).toEqual([]);
  });

  it('refuses a request with no Host header at all', async () => {
    const { server, handlers } = await serve();
    const reply = await raw(server.port, '/api/app:info', {
      headers: { authorization: `Bearer ${server.token}` },
      noHost: true,
    });
    // Node's HTTP server answers 400 itself (HTTP/1.1 requires a Host); the guard would answer 403.
    expect([400, 403]).toContain(reply.status);
    expect(called(handlers)).toEqual([]);
  });

  it('answers our own page, by any loopback name, with the token', async () => {
    const { server, handlers } = await serve();
    for (const host of ['127.0.0.1', 'localhost', '[::1]']) {
      const reply = await raw(server.port, '/api/app:info', {
        headers: {
          host: `${host}:${server.port}`,
          origin: `http://${host}:${server.port}`,
          authorization: `Bearer ${server.token}`,
        },
      });
      expect(reply.status, host).toBe(200);
    }
    expect(called(handlers)).toEqual(['app:info']);
  });
});
