import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_COLUMNS } from '../../src/main/imports/seed-format';
import { deliverTargets } from '../../src/main/targets/deliver-targets';
import { connectPg } from '../../src/main/targets/pg-connect';
import { chunked, copyField, copyFrom } from '../../src/main/targets/pg-copy';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { SEED_CSV, tempDir } from '../helpers/temp-dir';
import { seedSlice, servicesAt } from './kit';

const quiet = () => () => {};
/** 32 rows of the seed: Bryan's newest 30, the quoted title, the scenic ride. */
const slice = () => seedSlice(30, ['7312d7ff', '27dce111']);
const SAMPLE_DAY = join(SEED_CSV, '..', '2023_05_29.csv');

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await pg?.close();
});

/** A data folder with these files imported, pointed at `url`. */
function folder(url: string, ...files: string[]) {
  const services = servicesAt(tempDir(), { SPOKE_DATABASE_URL: url });
  for (const f of files) services.importFile(f);
  return services;
}

const dbName = (url: string) => new URL(url).pathname.slice(1);
/** Every row's version (xmin): it changes when a row is written, even with the same values. */
const versions = async (url: string) => {
  const details = await pg.sql("SELECT to_regclass('peloton_workout_details') IS NOT NULL AS t", dbName(url));
  const sql = `SELECT workout_id AS id, xmin::text AS v FROM peloton${
    details.rows[0]?.t
      ? " UNION ALL SELECT 'details:' || workout_id, xmin::text FROM peloton_workout_details"
      : ''
  } ORDER BY 1`;
  return (await pg.sql(sql, dbName(url))).rows;
};
const dump = async (url: string) =>
  (
    await pg.sql(
      `SELECT to_json(p) AS p, to_json(d) AS d FROM peloton p
       LEFT JOIN peloton_workout_details d USING (workout_id) ORDER BY workout_id`,
      dbName(url),
    )
  ).rows;

// The original pipeline's DDL and its Lambda's one-statement-per-row inserts.
const ORIGINAL_DDL = `CREATE TABLE peloton (workout_id varchar(45) PRIMARY KEY, date timestamp NOT NULL,
  class_title varchar(100) NOT NULL, instructor varchar(50) NOT NULL, class_type varchar(30) NOT NULL,
  length_min integer NOT NULL, total_output_kj float, rider_name varchar(30))`;
const LAMBDA_ROWS = [
  "('a1dc56e4e596446086ac5c2fc501e7de', '2023-05-25 09:31:58', '30 min HIIT & Hills Ride', 'Bradley Rose', 'cycling', 30, 265.2, 'Bryan Kolano')",
  "('27dce1115eea4d1e8c73a7e7d57301bc', '2022-01-20 20:22:40', '10 KM Georgia Longleaf Pines Ride', 'no instructor', 'cycling', 0, 126.9, 'Hillary Kolano')",
  "('ffffffffffffffffffffffffffffffff', '2023-06-01 12:00:00', 'A row only the database has', 'no instructor', 'cycling', 20, 100.0, 'Bryan Kolano')",
];

describe('Postgres target', () => {
  it('loads the seed columns in seed order plus details; a rerun, even from a fresh cache, changes no row', async () => {
    const url = await pg.createDatabase();
    const services = folder(url, slice());
    const first = await deliverTargets(services, quiet);
    expect(first.postgres).toEqual({ upserted: 32 });
    expect(first.waiting).toEqual([]);
    const { rows, fields } = await pg.sql(
      "SELECT * FROM peloton WHERE workout_id = '7312d7ff60bd4ee19bf3920db0789165'",
      dbName(url),
    );
    expect(fields.map((f) => f.name)).toEqual([...SEED_COLUMNS]);
    expect(rows[0]).toEqual({
      workout_id: '7312d7ff60bd4ee19bf3920db0789165',
      date: expect.any(Date),
      class_title: '30 min XOXO, Cody',
      instructor: 'Cody Rigsby',
      class_type: 'cycling',
      length_min: 30,
      total_output_kj: 187.4,
      rider_name: 'Hillary Kolano',
    });
    const stamp = await pg.sql(
      "SELECT date::text AS d FROM peloton WHERE workout_id LIKE '7312d7ff%'",
      dbName(url),
    );
    expect(stamp.rows[0]?.d).toBe('2022-02-13 18:09:56');

    const before = await versions(url);
    expect((await deliverTargets(services, quiet)).postgres).toEqual({ upserted: 0 });
    // A second data folder owes every day to this database: all are sent, none is changed.
    expect((await deliverTargets(folder(url, slice()), quiet)).postgres).toEqual({ upserted: 0 });
    expect(await versions(url)).toEqual(before);
    const loads = await pg.sql('SELECT rows, upserted FROM spoke_loads ORDER BY id', dbName(url));
    expect(loads.rows).toEqual([
      { rows: 32, upserted: 32 },
      { rows: 32, upserted: 0 },
    ]);
  });

  it("adopts the original pipeline's table with its rows", async () => {
    const url = await pg.createDatabase();
    await pg.sql(ORIGINAL_DDL, dbName(url));
    for (const values of LAMBDA_ROWS) {
      await pg.sql(
        `INSERT INTO peloton (${SEED_COLUMNS.join(',')}) VALUES ${values} ON CONFLICT ON CONSTRAINT peloton_pkey DO NOTHING`,
        dbName(url),
      );
    }
    const before = await versions(url);
    const result = await deliverTargets(folder(url, slice()), quiet);
    // The two seed rows the Lambda wrote keep their row versions: Spoke has the same values
    // (it adds only their details).
    expect(result.postgres).toEqual({ upserted: 32 });
    const after = await versions(url);
    for (const row of before) expect(after).toContainEqual(row);
    const count = await pg.sql('SELECT count(*)::int AS n FROM peloton', dbName(url));
    expect(count.rows[0]).toEqual({ n: 33 });
  });

  it('waits in the outbox while Postgres is down, and the next sync delivers', async () => {
    if (!pg.canRestart) return; // a server from SPOKE_TEST_DATABASE_URL is not ours to stop
    const url = await pg.createDatabase();
    const services = folder(url, SAMPLE_DAY);
    await pg.stop();
    try {
      const down = await deliverTargets(services, quiet);
      expect(down.postgres).toEqual({ upserted: 0 });
      const refused = expect.stringMatching(/^Connection refused by 127\.0\.0\.1:\d+/);
      expect(down.waiting).toEqual([{ target: 'postgres', item: '2023-05-29', error: refused, attempts: 1 }]);
      const still = await deliverTargets(services, quiet);
      expect(still.waiting).toEqual([
        { target: 'postgres', item: '2023-05-29', error: refused, attempts: 2 },
      ]);
    } finally {
      await pg.start();
    }
    const back = await deliverTargets(services, quiet);
    expect(back).toMatchObject({ postgres: { upserted: 1 }, waiting: [] });
  });

  it('a load that fails before it commits leaves nothing; the rerun ends where a clean run does', async () => {
    const clean = await pg.createDatabase();
    await deliverTargets(folder(clean, slice()), quiet);
    const url = await pg.createDatabase();
    const services = folder(url, slice());
    const crashed = await deliverTargets(services, quiet, {
      postgres: {
        beforeCommit: () => {
          throw new Error('simulated crash');
        },
      },
    });
    expect(crashed.waiting).toHaveLength(new Set((await dump(clean)).map((r) => r.p.date.slice(0, 10))).size);
    const none = await pg.sql("SELECT to_regclass('peloton') AS t", dbName(url));
    expect(none.rows[0]).toEqual({ t: null });
    expect((await deliverTargets(services, quiet)).waiting).toEqual([]);
    // updated_at is when each data folder cached the workout: the one column that differs.
    const strip = (rows: { p: unknown; d: Record<string, unknown> }[]) =>
      rows.map(({ p, d }) => ({ p, d: { ...d, updated_at: null } }));
    expect(strip(await dump(url))).toEqual(strip(await dump(clean)));
  });

  it('COPY FROM STDIN with pg alone: many chunks arrive whole, and a refused COPY leaves the connection usable', async () => {
    const client = await connectPg(await pg.createDatabase());
    try {
      await client.query('CREATE TABLE t (n integer, s text)');
      const lines = Array.from(
        { length: 50_000 },
        (_, i) => `${i}\t${copyField(`tab\there\\ ${i}\nline`)}\n`,
      );
      expect(await copyFrom(client, 'COPY t FROM STDIN', chunked(lines, 16 * 1024))).toBe(50_000);
      const last = await client.query('SELECT count(*)::int AS n, max(s) FILTER (WHERE n = 7) AS s FROM t');
      expect(last.rows[0]).toEqual({ n: 50_000, s: 'tab\there\\ 7\nline' });
      await expect(copyFrom(client, 'COPY t FROM STDIN', ['1\tok\n', 'x\tbad\n'])).rejects.toThrow(/integer/);
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });

  it('another writer (the original Lambda) waits while a first load fills its empty table, then goes on', async () => {
    const url = await pg.createDatabase();
    await pg.sql(ORIGINAL_DDL, dbName(url));
    const lambda = await connectPg(url);
    let lambdaDone = false;
    let inserted: Promise<unknown> = Promise.resolve();
    try {
      const result = await deliverTargets(folder(url, slice()), quiet, {
        postgres: {
          beforeCommit: async () => {
            // A row Spoke does not have, as the Lambda writes it: it must not slip in
            // between Spoke's look at the empty table and its plain INSERT.
            inserted = lambda
              .query(
                `INSERT INTO peloton (${SEED_COLUMNS.join(',')}) VALUES ${LAMBDA_ROWS[2]}
                 ON CONFLICT ON CONSTRAINT peloton_pkey DO NOTHING`,
              )
              .then((r) => {
                lambdaDone = true;
                return r.rowCount;
              });
            await new Promise((wait) => setTimeout(wait, 400));
            expect(lambdaDone).toBe(false);
          },
        },
      });
      expect(result).toMatchObject({ postgres: { upserted: 32 }, waiting: [] });
      expect(await inserted).toBe(1);
    } finally {
      await lambda.end();
    }
    const count = await pg.sql('SELECT count(*)::int AS n FROM peloton', dbName(url));
    expect(count.rows[0]).toEqual({ n: 33 });
  });

  it('counts each workout once when only one table is empty', async () => {
    const url = await pg.createDatabase();
    const services = folder(url, slice());
    await deliverTargets(services, quiet);
    await pg.sql('TRUNCATE peloton', dbName(url));
    // Forget what was delivered, so the next sync loads every day again.
    const again = await deliverTargets(folder(url, slice()), quiet);
    expect(again.postgres).toEqual({ upserted: 32 });
    await pg.sql('TRUNCATE peloton_workout_details', dbName(url));
    expect((await deliverTargets(folder(url, slice()), quiet)).postgres).toEqual({ upserted: 32 });
    const loads = await pg.sql('SELECT rows, upserted FROM spoke_loads ORDER BY id', dbName(url));
    expect(loads.rows).toEqual([
      { rows: 32, upserted: 32 },
      { rows: 32, upserted: 32 },
      { rows: 32, upserted: 32 },
    ]);
  });

  it('two loads at once into one database take turns under the advisory lock', async () => {
    const url = await pg.createDatabase();
    const [a, b] = await Promise.all([
      deliverTargets(folder(url, slice()), quiet),
      deliverTargets(folder(url, slice()), quiet),
    ]);
    expect([a.waiting, b.waiting]).toEqual([[], []]);
    expect((a.postgres?.upserted ?? 0) + (b.postgres?.upserted ?? 0)).toBe(32);
    const count = await pg.sql('SELECT count(*)::int AS n FROM peloton', dbName(url));
    expect(count.rows[0]).toEqual({ n: 32 });
  });
});
