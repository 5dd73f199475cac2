import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src/main/server/web-server';
import { makeHandlers, makeServices } from '../helpers/services';
import { SEED_CSV, tempDir } from '../helpers/temp-dir';

const servers: WebServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serve() {
  const services = makeServices();
  services.importFile(SEED_CSV);
  const staticDir = tempDir();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Spoke</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const server = await startWebServer({
    handlers: makeHandlers(services),
    events: services.events,
    staticDir,
  });
  servers.push(server);
  return { server, services, base: `http://127.0.0.1:${server.port}` };
}

type Reply = { status: number; body: string; headers: Record<string, unknown> };

/** A raw HTTP request, so tests can send any Host or Origin header. */
function raw(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('spoke serve: the HTTP transport', () => {
  it('prints a loopback URL that carries the token in its fragment', async () => {
    const { server } = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('refuses an API request without the token, or with a wrong one, before any routing', async () => {
    const { server, base } = await serve();
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer nope' },
      { authorization: `Basic ${server.token}` },
    ];
    for (const headers of attempts) {
      const res = await fetch(`${base}/api/riders:list`, { method: 'POST', headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        ok: false,
        error: { code: 'unauthorized', message: expect.stringContaining('access token') },
      });
    }
    const unknown = await fetch(`${base}/api/no:such`, { method: 'POST' });
    expect(unknown.status).toBe(401);
  });

  it('answers a valid call, and refuses malformed input with a clear message', async () => {
    const { server, base } = await serve();
    const auth = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
    const ok = await fetch(`${base}/api/reports:get`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'summary', filter: { tz: 'UTC' } }),
    });
    expect(ok.status).toBe(200);
    const rows = ((await ok.json()) as { value: unknown }).value as { rider: string; workouts: number }[];
    expect(rows.map((r) => [r.rider, r.workouts])).toEqual([
      ['Bryan Kolano', 324],
      ['Hillary Kolano', 397],
    ]);

    const notJson = await fetch(`${base}/api/reports:get`, {
      method: 'POST',
      headers: auth,
      body: '{"name":',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toBe(
      'The request body is not valid JSON.',
    );

    const badName = await fetch(`${base}/api/reports:get`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'everything' }),
    });
    expect(badName.status).toBe(400);
    expect(((await badName.json()) as { error: unknown }).error).toEqual({
      code: 'bad_input',
      message: expect.stringMatching(/^Invalid input for reports:get: name: /),
    });
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (cross-site)', async () => {
    const { server } = await serve();
    const auth = { authorization: `Bearer ${server.token}` };
    const rebinding = await raw(server.port, '/api/riders:list', {
      method: 'POST',
      headers: { ...auth, host: `evil.example:${server.port}` },
    });
    expect(rebinding.status).toBe(403);
    const crossSite = await raw(server.port, '/api/riders:list', {
      method: 'POST',
      headers: { ...auth, origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await raw(server.port, '/api/riders:list', {
      method: 'POST',
      headers: { ...auth, host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('serves the dashboard without a token, with a strict CSP, and never outside its folder', async () => {
    const { server, base } = await serve();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>Spoke</title>');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toContain('text/javascript');
    const traversal = await raw(server.port, '/../../../../etc/passwd');
    expect(traversal.body).not.toContain('root:');
    const encoded = await raw(server.port, '/%2e%2e/%2e%2e/etc/passwd');
    expect(encoded.body).not.toContain('root:');
  });

  it('streams pushed events to a client holding the token', async () => {
    const { server, services, base } = await serve();
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?token=${server.token}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // ": connected"
    services.events.emit('data:changed', { reason: 'import' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('event: data:changed\ndata: {"reason":"import"}\n\n');
    controller.abort();
  });
});
