import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakePeloton } from '../../e2e/fake-peloton';
import { createHandlers } from '../../src/main/api/handlers';
import type { TokenSet } from '../../src/main/peloton/oauth-tokens';
import { createServices, type Services } from '../../src/main/services';
import type { SyncResult } from '../../src/main/sync/run-sync';
import { fakeEnv, fakePeloton } from '../helpers/fake';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { spoke } from '../helpers/run-cli';
import { S3_BUCKET, S3_KEY, s3Settings, startTestS3, type TestS3 } from '../helpers/s3';
import { tempDir } from '../helpers/temp-dir';

/**
 * Credentials are encrypted at rest, never logged, never sent to a face
 * (product.md). Every secret Spoke handles gets a unique marker; a full sync runs
 * with debug logging, through failures (a wrong Postgres password, S3 down, a
 * wrong Peloton password, expired tokens) and success; then every byte Spoke wrote
 * or printed is searched for every marker.
 */

const marker = (what: string) => `MRK${what}${randomBytes(9).toString('hex')}`;
const M = {
  pgPassword: marker('pgpass'),
  pgWrongPassword: marker('pgwrong'),
  s3Secret: marker('s3secret'),
  pelotonPassword1: marker('peloton1'),
  pelotonPassword2: marker('peloton2'),
  pelotonWrongPassword: marker('pelotonwrong'),
  secretKey: marker('secretkey'),
};

let pg: TestPostgres;
let s3: TestS3;
beforeAll(async () => {
  [pg, s3] = await Promise.all([startTestPostgres(), startTestS3()]);
}, 120_000);
afterAll(async () => {
  await Promise.all([pg?.close(), s3?.close()]);
});

/** Everything written to this process's stdout and stderr, and to the console, while `fn` runs. */
async function capturingProcessOutput<T>(fn: () => Promise<T>): Promise<{ value: T; output: string }> {
  let output = '';
  const outWrite = process.stdout.write.bind(process.stdout);
  const errWrite = process.stderr.write.bind(process.stderr);
  const record =
    (write: typeof outWrite) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    };
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const saved = consoleMethods.map((m) => console[m]);
  process.stdout.write = record(outWrite) as typeof process.stdout.write;
  process.stderr.write = record(errWrite) as typeof process.stderr.write;
  for (const m of consoleMethods) {
    console[m] = (...args: unknown[]) => {
      output += `${args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' ')}\n`;
    };
  }
  try {
    return { value: await fn(), output };
  } finally {
    process.stdout.write = outWrite as typeof process.stdout.write;
    process.stderr.write = errWrite as typeof process.stderr.write;
    consoleMethods.forEach((m, i) => {
      console[m] = saved[i] as (typeof console)[typeof m];
    });
  }
}

/** Every file under `dir`, its path and its raw bytes (SQLite's database, WAL and shm included). */
function everyFile(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => ({ path: relative(dir, f), bytes: readFileSync(f) }));
}

/** The forms a secret could take in a file without being encrypted. */
function plainForms(secret: string): Buffer[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const forms = [utf8, Buffer.from(secret, 'utf16le'), Buffer.from(encodeURIComponent(secret))];
  // Base64 at each of the three alignments (as inside `Basic base64(user:password)`), edges trimmed.
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift, 0x20), utf8]).toString('base64');
    forms.push(Buffer.from(b64.slice(shift === 0 ? 0 : 4, -4)));
  }
  return forms;
}

type Haystack = { where: string; bytes: Buffer };

function findSecrets(haystacks: Haystack[], secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    const forms = plainForms(secret);
    for (const h of haystacks) {
      if (forms.some((f) => h.bytes.includes(f))) found.push(`${name} in ${h.where}`);
    }
  }
  return found;
}

async function s3Objects(): Promise<Haystack[]> {
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: S3_KEY,
  });
  const out: Haystack[] = [];
  try {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: S3_BUCKET }));
    for (const { Key } of listed.Contents ?? []) {
      const object = await client.send(new GetObjectCommand({ Bucket: S3_BUCKET, Key }));
      const body = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
      const meta = JSON.stringify({ metadata: object.Metadata, type: object.ContentType, key: Key });
      out.push({ where: `s3://${S3_BUCKET}/${Key}`, bytes: Buffer.concat([Buffer.from(meta), body]) });
    }
  } finally {
    client.destroy();
  }
  return out;
}

/** Every row of every table Spoke's role can see in its database, as text. */
async function postgresTables(database: string): Promise<Haystack[]> {
  const tables = await pg.sql(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    database,
  );
  const out: Haystack[] = [];
  for (const { name } of tables.rows as { name: string }[]) {
    const rows = await pg.sql(`SELECT row_to_json(t)::text AS r FROM ${name} t`, database);
    const text = (rows.rows as { r: string }[]).map((r) => r.r).join('\n');
    out.push({ where: `postgres ${name}`, bytes: Buffer.from(text) });
  }
  // Comments and settings a loader could leave behind.
  const extra = await pg.sql(
    `SELECT coalesce(string_agg(obj_description(c.oid), ' '), '') AS t FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`,
    database,
  );
  out.push({ where: 'postgres comments', bytes: Buffer.from(String(extra.rows[0]?.t ?? '')) });
  return out;
}

function servicesFor(dir: string, env: NodeJS.ProcessEnv): Services {
  return createServices({ dataDir: dir, face: 'cli', env });
}

function tokensOf(services: Services): TokenSet[] {
  return services.secrets
    .keys()
    .filter((k) => k.startsWith('peloton:'))
    .map((k) => JSON.parse(services.secrets.get(k) ?? 'null') as TokenSet);
}

describe('secrets at rest and in every output', () => {
  it('leaves no secret in plain text in the data folder, logs, CSVs, bucket, database or output', async () => {
    const fake: FakePeloton = await fakePeloton({
      riders: [
        // One rider's averages come from Peloton's CSV export, the other's from performance graphs.
        { password: M.pelotonPassword1, workouts: 24 },
        { password: M.pelotonPassword2, workouts: 6 },
      ],
    });
    const dir = tempDir();
    const env: NodeJS.ProcessEnv = {
      ...fakeEnv(fake),
      SPOKE_LOG_LEVEL: 'debug',
      SPOKE_SECRET_KEY: M.secretKey,
    };
    const role = `spoke_marker_${randomBytes(5).toString('hex')}`;
    await pg.sql(`CREATE ROLE ${role} LOGIN PASSWORD '${M.pgPassword}'`);
    const database = new URL(await pg.createDatabase(role)).pathname.slice(1);
    const goodUrl = pg.url(database, '', { name: role, password: M.pgPassword });
    const wrongUrl = pg.url(database, '', { name: role, password: M.pgWrongPassword });

    const outputs: string[] = [];
    const cli = async (args: string[], stdin?: string) => {
      const run = await spoke([...args, '--data-dir', dir], { env, stdin });
      outputs.push(run.stdout, run.stderr);
      return run;
    };
    const tokenSets: TokenSet[] = [];

    const { output: processOutput } = await capturingProcessOutput(async () => {
      // Settings, secrets by stdin as the README says; the Postgres password is wrong at first.
      for (const [key, value] of Object.entries(s3Settings(s3, { 's3.secretAccessKey': M.s3Secret }))) {
        const secret = key === 's3.secretAccessKey';
        const run = await cli(
          ['settings', 'set', key, ...(secret ? ['--stdin'] : [String(value)])],
          secret ? `${value}\n` : undefined,
        );
        expect(run.code, run.stderr).toBe(0);
      }
      expect((await cli(['settings', 'set', 'postgres.url', '--stdin'], `${wrongUrl}\n`)).code).toBe(0);
      expect((await cli(['settings', 'get', '--json'])).code).toBe(0);

      // A wrong Peloton password first, then both riders for real.
      const [first, second] = fake.accounts;
      if (!first || !second) throw new Error('the fake has two accounts');
      const refused = await cli(
        ['rider', 'add', '--email', first.email, '--password-stdin'],
        `${M.pelotonWrongPassword}\n`,
      );
      expect(refused.code).toBe(1);
      for (const account of [first, second]) {
        const run = await cli(
          ['rider', 'add', '--email', account.email, '--password-stdin', '--json'],
          `${account.password}\n`,
        );
        expect(run.code, run.stderr).toBe(0);
      }

      // The tokens Peloton issued, then aged so the sync must refresh them (rotating the refresh token).
      const services = servicesFor(dir, env);
      try {
        for (const t of tokensOf(services)) tokenSets.push(t);
        for (const key of services.secrets.keys().filter((k) => k.startsWith('peloton:'))) {
          const t = JSON.parse(services.secrets.get(key) ?? '{}') as TokenSet;
          services.secrets.set(
            key,
            JSON.stringify({ ...t, expiresAt: Date.now() + 1000, obtainedAt: Date.now() - 172_000_000 }),
          );
        }
        // Connection tests from Settings, with the wrong password and with S3 down.
        await s3.stop();
        const handlers = createHandlers(services);
        const pgCheck = await handlers['targets:test-postgres']({ url: wrongUrl });
        const s3Check = await handlers['targets:test-s3'](undefined);
        outputs.push(JSON.stringify([pgCheck, s3Check, handlers['settings:get'](undefined)]));
        expect(pgCheck.ok).toBe(false);
        expect(s3Check.ok).toBe(false);
      } finally {
        services.close();
      }

      // A sync whose targets fail: the wrong password, S3 unreachable.
      const failing = await cli(['sync', '--json']);
      expect(failing.code).toBe(1);
      const partial = JSON.parse(failing.stdout) as SyncResult;
      expect([...new Set(partial.waiting.map((w) => w.target))].sort()).toEqual(['postgres', 's3']);

      // Then everything right: the same sync delivers what it owed.
      await s3.start();
      expect((await cli(['settings', 'set', 'postgres.url', '--stdin'], `${goodUrl}\n`)).code).toBe(0);
      const good = await cli(['sync', '--json']);
      expect(good.code, good.stderr).toBe(0);
      const result = JSON.parse(good.stdout) as SyncResult;
      expect(result.riders.map((r) => r.error ?? 'ok')).toEqual(['ok', 'ok']);
      expect(result.postgres?.upserted).toBeGreaterThan(0);
      expect(s3.writes.length).toBeGreaterThan(0);
      expect((await cli(['rider', 'list', '--json'])).code).toBe(0);

      const after = servicesFor(dir, env);
      try {
        for (const t of tokensOf(after)) tokenSets.push(t);
        // The markers really were the secrets in use (so finding none below means something).
        expect(after.settings.get('postgres.url')).toBe(goodUrl);
        expect(after.settings.get('s3.secretAccessKey')).toBe(M.s3Secret);
      } finally {
        after.close();
      }
    });

    expect(fake.admin.stats().refreshes).toBeGreaterThanOrEqual(2);
    const tokens: Record<string, string> = {};
    tokenSets.forEach((t, i) => {
      tokens[`accessToken${i}`] = t.accessToken;
      if (t.refreshToken) tokens[`refreshToken${i}`] = t.refreshToken;
    });
    // Four sets: two riders, each before and after the refresh; all different.
    expect(new Set(Object.values(tokens)).size).toBe(8);

    const haystacks: Haystack[] = [
      ...everyFile(dir).map((f) => ({ where: `data folder: ${f.path}`, bytes: f.bytes })),
      ...(await s3Objects()),
      ...(await postgresTables(database)),
      { where: 'spoke’s stdout and stderr', bytes: Buffer.from(outputs.join('\n')) },
      { where: 'the process’s stdout, stderr and console', bytes: Buffer.from(processOutput) },
    ];
    // The search covers what it should: the logs, the cache and its WAL, the CSVs, the objects and the tables.
    const where = haystacks.map((h) => h.where).join('\n');
    expect(where).toMatch(/data folder: logs\/spoke\.log/);
    expect(where).toMatch(/data folder: spoke\.db\n/);
    expect(where).toMatch(/data folder: csv\/\d{4}_\d{2}_\d{2}\.csv/);
    expect(where).toMatch(/s3:\/\/spoke-test\/\d{4}\/\d{2}\/daily_upload/);
    expect(where).toMatch(/postgres public\.peloton\n/);
    const log = readFileSync(join(dir, 'logs', 'spoke.log'), 'utf8');
    expect(log).toMatch(/Postgres load failed/);
    // A planted marker is found, so a miss below is a real miss.
    expect(findSecrets([{ where: 'probe', bytes: Buffer.from(`x${tokens.accessToken0}y`) }], tokens)).toEqual(
      ['accessToken0 in probe'],
    );

    expect(findSecrets(haystacks, { ...M, ...tokens })).toEqual([]);
  }, 180_000);
});
