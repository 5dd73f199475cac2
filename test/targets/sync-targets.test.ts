import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakePeloton } from '../../e2e/fake-peloton';
import { createServices } from '../../src/main/services';
import { createS3Client, readS3Config } from '../../src/main/targets/s3-config';
import { fakeEnv, fakePeloton } from '../helpers/fake';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { spoke } from '../helpers/run-cli';
import { S3_BUCKET, s3Settings, startTestS3, type TestS3 } from '../helpers/s3';
import { csvFiles, servicesAt, signedInFolder } from './kit';

let pg: TestPostgres;
let s3: TestS3;
beforeAll(async () => {
  [pg, s3] = await Promise.all([startTestPostgres(), startTestS3()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([pg?.close(), s3?.close()]);
});

let folders = 0;

/** A signed-in data folder with its own database and key prefix; the environment `spoke sync` runs with. */
async function setup(fake: FakePeloton) {
  const dir = await signedInFolder(fake);
  const url = await pg.createDatabase();
  const prefix = `run-${process.pid}-${++folders}`;
  const settings = createServices({ dataDir: dir, face: 'cli' });
  settings.settings.update({ set: s3Settings(s3) });
  settings.close();
  const env = { ...fakeEnv(fake), SPOKE_DATABASE_URL: url, SPOKE_S3_PREFIX: prefix };
  return { dir, url, prefix, env, db: new URL(url).pathname.slice(1) };
}

const sync = async (dir: string, env: NodeJS.ProcessEnv) => {
  const run = await spoke(['sync', '--json', '--data-dir', dir], { env });
  return { ...run, result: run.stdout ? JSON.parse(run.stdout) : null };
};

const tableRows = async (db: string) =>
  (
    await pg.sql(
      `SELECT p.*, d.rider_id, d.status, d.ride_kind, d.metrics, p.xmin::text || '/' || d.xmin::text AS version FROM peloton p
       JOIN peloton_workout_details d USING (workout_id) ORDER BY workout_id`,
      db,
    )
  ).rows;

/** key (without the prefix) → SHA-256 the object holds. */
async function bucket(dir: string, prefix: string): Promise<Map<string, string>> {
  const services = servicesAt(dir, { SPOKE_S3_PREFIX: prefix });
  const config = readS3Config(services.settings);
  if (!config) throw new Error('no S3 settings');
  const client = createS3Client(config);
  const listed = await client.send(new ListObjectsV2Command({ Bucket: S3_BUCKET, Prefix: `${prefix}/` }));
  client.destroy();
  return new Map((listed.Contents ?? []).map((o) => [o.Key?.slice(prefix.length + 1) ?? '', o.ETag ?? '']));
}

describe('spoke sync delivers to the daily CSVs, S3 and Postgres', () => {
  it('fills csvFiles, s3Keys and postgres; a rerun writes nothing; a completed workout updates its row', async () => {
    const fake = await fakePeloton({ workoutsPerRider: 30 });
    const open = fake.admin.addWorkout(fake.accounts[0]?.userId ?? '', {
      status: 'IN_PROGRESS',
      totalWork: 40_000,
    });
    const { dir, env, db, prefix } = await setup(fake);
    const first = await sync(dir, env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^All riders: csv \d+\/\d+$/m);
    expect(first.stderr).toMatch(/^All riders: s3 \d+\/\d+$/m);
    expect(first.stderr).toMatch(/^All riders: postgres \d+\/\d+$/m);
    const { csvFiles: files, s3Keys, postgres, waiting } = first.result;
    expect(files.length).toBeGreaterThan(5);
    expect(s3Keys).toHaveLength(files.length);
    expect(s3Keys.every((k: string) => k.startsWith(`${prefix}/`))).toBe(true);
    expect(postgres).toEqual({ upserted: 61 });
    expect(waiting).toEqual([]);
    const rows = await tableRows(db);
    const partial = rows.find((r) => r.workout_id === open.id);
    expect(partial).toMatchObject({ status: 'IN_PROGRESS' });
    expect(partial?.total_output_kj).not.toBe(321);

    const writes = s3.writes.length;
    const again = await sync(dir, env);
    expect(again.result).toMatchObject({ csvFiles: [], s3Keys: [], postgres: { upserted: 0 }, waiting: [] });
    expect(s3.writes.length).toBe(writes);
    expect(await tableRows(db)).toEqual(rows);

    fake.admin.completeWorkout(open.id, 321_000);
    const done = await sync(dir, env);
    expect(done.result.csvFiles).toHaveLength(1);
    expect(done.result.s3Keys).toHaveLength(1);
    expect(done.result.postgres).toEqual({ upserted: 1 });
    const after = await tableRows(db);
    expect(after.find((r) => r.workout_id === open.id)).toMatchObject({
      total_output_kj: 321,
      status: 'COMPLETE',
    });
    expect(after.filter((r) => r.workout_id !== open.id)).toEqual(
      rows.filter((r) => r.workout_id !== open.id),
    );
  });

  it('exits 1 with one line on stderr while S3 and Postgres are down, prints the JSON, and the next sync delivers', async () => {
    if (!pg.canRestart) return; // a server from SPOKE_TEST_DATABASE_URL is not ours to stop
    const fake = await fakePeloton({ workoutsPerRider: 10 });
    const { dir, env } = await setup(fake);
    await Promise.all([pg.stop(), s3.stop()]);
    let down: Awaited<ReturnType<typeof sync>>;
    try {
      down = await sync(dir, env);
    } finally {
      await Promise.all([pg.start(), s3.start()]);
    }
    expect(down.code).toBe(1);
    expect(down.result.riders.map((r: { inserted: number }) => r.inserted)).toEqual([10, 10]);
    const days = down.result.csvFiles.length;
    expect(down.result.waiting).toHaveLength(2 * days);
    const lines = down.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('spoke:'))).toEqual([
      expect.stringMatching(
        /^spoke: S3: \d+ days waiting \(Cannot reach 127\.0\.0\.1:\d+: connection refused; is the S3 server running\?\); Postgres: \d+ days waiting \(Connection refused by 127\.0\.0\.1:\d+: is Postgres running there, on that port\?\)\. The next sync will deliver them\.$/,
      ),
    ]);
    // The database password is nowhere: not in the output, the log, the CSVs or the cache's outbox.
    const password = new URL(env.SPOKE_DATABASE_URL).password;
    const log = readFileSync(join(dir, 'logs', 'spoke.log'), 'utf8');
    expect(log).toContain('Postgres load failed');
    const outbox = JSON.stringify(servicesAt(dir).cache.prepare('SELECT * FROM outbox').all());
    for (const text of [down.stdout, down.stderr, log, outbox, ...csvFiles(dir).values()])
      expect(text).not.toContain(password);

    const back = await sync(dir, env);
    expect(back.code, back.stderr).toBe(0);
    expect(back.result).toMatchObject({ csvFiles: [], postgres: { upserted: 20 }, waiting: [] });
    expect(back.result.s3Keys).toHaveLength(days);
  });

  it('two syncs at once on one data folder: one refuses clearly, the other completes', async () => {
    const fake = await fakePeloton({ workoutsPerRider: 10 });
    const { dir, env } = await setup(fake);
    const outcomes = await Promise.allSettled([servicesAt(dir, env).sync(), servicesAt(dir, env).sync()]);
    const refused = outcomes.filter((o) => o.status === 'rejected');
    const done = outcomes.filter((o) => o.status === 'fulfilled');
    expect(refused.map((o) => (o as PromiseRejectedResult).reason.message)).toEqual([
      'A sync is already running; wait for it to finish.',
    ]);
    expect(done.map((o) => (o as PromiseFulfilledResult<{ postgres: unknown }>).value.postgres)).toEqual([
      { upserted: 20 },
    ]);
  });

  it.each(['s3', 'postgres'])(
    'a sync killed (SIGKILL) during its %s step is repaired by the next run, ending where a clean run does',
    async (step) => {
      const fake = await fakePeloton({ workoutsPerRider: 20 });
      const clean = await setup(fake);
      expect((await sync(clean.dir, clean.env)).code).toBe(0);

      const crashed = await setup(fake);
      const signal = await killDuring(step, crashed.dir, crashed.env);
      expect(signal).toBe('SIGKILL');
      // It died mid-run: its lock file and its ledger row ('running') are left behind.
      expect(existsSync(join(crashed.dir, 'sync.lock'))).toBe(true);
      const ledger = servicesAt(crashed.dir).cache.prepare<[], { status: string }>(
        'SELECT status FROM sync_runs',
      );
      expect(ledger.all()).toEqual([{ status: 'running' }]);
      const rerun = await sync(crashed.dir, crashed.env);
      expect(rerun.code, rerun.stderr).toBe(0);

      expect(csvFiles(crashed.dir)).toEqual(csvFiles(clean.dir));
      expect(await bucket(crashed.dir, crashed.prefix)).toEqual(await bucket(clean.dir, clean.prefix));
      const strip = (rows: Record<string, unknown>[]) => rows.map(({ version: _, ...r }) => r);
      expect(strip(await tableRows(crashed.db))).toEqual(strip(await tableRows(clean.db)));
    },
  );
});

/** Runs `spoke sync` in a child process and kills it (SIGKILL) at its first progress line for `step`. */
function killDuring(step: string, dir: string, env: NodeJS.ProcessEnv): Promise<NodeJS.Signals | null> {
  const main = resolve(__dirname, '../../src/main/cli/main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'sync', '--data-dir', dir], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let seen = '';
  child.stderr.on('data', (chunk: Buffer) => {
    seen += chunk.toString();
    if (seen.includes(`All riders: ${step} `)) child.kill('SIGKILL');
  });
  return new Promise((done) => child.on('exit', (_code, signal) => done(signal)));
}
