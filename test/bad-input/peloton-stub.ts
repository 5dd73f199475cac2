import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/**
 * A tiny HTTP stub in front of the fake Peloton's API host: every request is passed
 * through, except those a test overrides, which get whatever body the test wants
 * (the fake can inject faults, but not arbitrary malformed answers). The override
 * sees the real answer, so a test can damage it rather than make one up.
 */

export type StubAnswer = {
  status?: number;
  contentType?: string;
  /** A string or bytes; a function streams chunks (no Content-Length, as a chunked answer). */
  body: string | Buffer | (() => Iterable<Buffer>);
};

export type Override = (
  path: string,
  upstream: () => Promise<string>,
) => StubAnswer | null | Promise<StubAnswer | null>;

export type PelotonStub = {
  url: string;
  /** Replaces the override (null: pass everything through). */
  override(fn: Override | null): void;
  /** Paths answered by the override so far. */
  readonly hits: string[];
};

const open: Server[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(
  target: URL,
  req: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const up = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: target.host },
      },
      (res) => {
        readAll(res).then(
          (b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }),
          reject,
        );
      },
    );
    up.on('error', reject);
    up.end(body);
  });
}

function answer(res: ServerResponse, a: StubAnswer): void {
  const headers = { 'content-type': a.contentType ?? 'application/json; charset=utf-8' };
  if (typeof a.body === 'function') {
    res.writeHead(a.status ?? 200, headers);
    const chunks = a.body()[Symbol.iterator]();
    const pump = () => {
      for (;;) {
        const next = chunks.next();
        if (next.done) return void res.end();
        if (!res.write(next.value)) return void res.once('drain', pump);
      }
    };
    res.on('close', () => chunks.return?.());
    pump();
    return;
  }
  res.writeHead(a.status ?? 200, { ...headers, 'content-length': String(Buffer.byteLength(a.body)) });
  res.end(a.body);
}

/** Starts the stub on 127.0.0.1 in front of `apiUrl`; closed after the test. */
export async function startPelotonStub(apiUrl: string): Promise<PelotonStub> {
  const target = new URL(apiUrl);
  let current: Override | null = null;
  const hits: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const path = new URL(req.url ?? '/', 'http://stub.invalid').pathname;
      let upstream: Promise<Awaited<ReturnType<typeof forward>>> | null = null;
      const fetchUpstream = () => {
        upstream ??= forward(target, req, body);
        return upstream;
      };
      const replaced = current
        ? await current(path, async () => (await fetchUpstream()).body.toString('utf8'))
        : null;
      if (replaced) {
        hits.push(path);
        return answer(res, replaced);
      }
      const real = await fetchUpstream();
      const headers = Object.fromEntries(
        Object.entries(real.headers).filter(([k, v]) => v !== undefined && k !== 'transfer-encoding'),
      ) as Record<string, string | string[]>;
      res.writeHead(real.status, headers);
      res.end(real.body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    override(fn) {
      current = fn;
    },
    hits,
  };
}
