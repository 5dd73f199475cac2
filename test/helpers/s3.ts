import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// s3rver ships no types; this is the part of it the tests use.
type S3rverEvent = { Records: { eventName: string; s3: { object: { key: string } } }[] };
type S3rverInstance = {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  on(event: 'event', listener: (e: S3rverEvent) => void): void;
  httpServer?: Server;
};
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;
const S3rver = createRequire(__filename)('s3rver') as S3rverClass;

export const S3_BUCKET = 'spoke-test';
/** s3rver's one account. */
export const S3_KEY = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export type TestS3 = {
  endpoint: string;
  /** Keys of every object written (PUT, POST, COPY), in order: what would fire the original Lambda. */
  writes: string[];
  /** Takes the server down (connections refused) and brings it back on the same port and folder. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** s3rver on 127.0.0.1, in-process, with one bucket, over a temporary folder. */
export async function startTestS3(): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'spoke-s3-'));
  const port = await freePort();
  const writes: string[] = [];
  let server: S3rverInstance | null = null;
  const start = async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port,
      directory,
      silent: true,
      configureBuckets: [{ name: S3_BUCKET, configs: [] }],
    });
    server.on('event', (e) => {
      for (const r of e.Records) if (r.eventName.startsWith('ObjectCreated')) writes.push(r.s3.object.key);
    });
    await server.run();
  };
  const stop = async () => {
    const s = server;
    server = null;
    if (!s) return;
    s.httpServer?.closeAllConnections?.();
    await s.close();
  };
  await start();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    writes,
    stop,
    start,
    async close() {
      await stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The settings (`spoke settings set` keys) that point Spoke at a test S3. */
export function s3Settings(s3: TestS3, extra: Record<string, string | boolean> = {}) {
  return {
    's3.bucket': S3_BUCKET,
    's3.endpoint': s3.endpoint,
    's3.forcePathStyle': true,
    's3.accessKeyId': S3_KEY.accessKeyId,
    's3.secretAccessKey': S3_KEY.secretAccessKey,
    ...extra,
  };
}
