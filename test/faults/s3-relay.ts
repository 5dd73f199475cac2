import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrng } from '../../e2e/fake-peloton/prng';

/**
 * What the relay does to a request it picks:
 * - `500`: answers 500 InternalError, as S3 does now and then, without passing it on;
 * - `stall`: holds the request `stallMs`, then drops the connection unanswered (a
 *   load balancer whose upstream timed out);
 * - `lost-answer`: passes the request on (so a PUT is written), then drops the
 *   connection instead of answering: the client cannot know it was written.
 */
export type RelayFault = '500' | 'stall' | 'lost-answer';
export const RELAY_FAULTS: readonly RelayFault[] = ['500', 'stall', 'lost-answer'];

export type S3Relay = {
  url: string;
  set(faults: { rate: number; kind: RelayFault; stallMs?: number } | null): void;
  readonly requests: number;
  readonly injected: number;
  close(): Promise<void>;
};

const INTERNAL_ERROR =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>';

/**
 * An HTTP relay on loopback in front of s3rver (which cannot fail on purpose):
 * requests go through unchanged (the Host header too, so signatures still match),
 * except a seeded share of them, which meet the fault set.
 */
export async function startS3Relay(target: string, seed: number): Promise<S3Relay> {
  const prng = createPrng(seed);
  let faults: { rate: number; kind: RelayFault; stallMs?: number } | null = null;
  let requests = 0;
  let injected = 0;
  const timers = new Set<NodeJS.Timeout>();
  const upstream = new URL(target);

  const pass = (req: IncomingMessage, res: ServerResponse, loseAnswer: boolean) => {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        if (loseAnswer) {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => req.socket.destroy());
    req.pipe(out);
  };

  const server = createServer((req, res) => {
    requests++;
    const fault = faults && prng.next() < faults.rate ? faults.kind : null;
    if (fault) injected++;
    if (fault === '500') {
      req.resume();
      req.on('end', () => {
        res.writeHead(500, { 'content-type': 'application/xml' });
        res.end(INTERNAL_ERROR);
      });
    } else if (fault === 'stall') {
      req.resume();
      const timer = setTimeout(() => {
        timers.delete(timer);
        req.socket.destroy();
      }, faults?.stallMs ?? 250);
      timers.add(timer);
    } else {
      pass(req, res, fault === 'lost-answer');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set(next) {
      faults = next;
    },
    get requests() {
      return requests;
    },
    get injected() {
      return injected;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
