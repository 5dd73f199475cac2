import { type AddressInfo, createServer, type Socket, connect as tcpConnect } from 'node:net';
import pg from 'pg';
import type { StoredWorkout } from '../src/main/cache/workouts-repo';
import { seedFields } from '../src/main/exports/export-workouts';
import { SEED_COLUMNS } from '../src/main/imports/seed-format';
import type { WorkoutInput } from '../src/main/imports/workout-input';
import type { PgWorkoutRow } from '../src/main/targets/day-rows';
import { chunked, copyField, copyFrom } from '../src/main/targets/pg-copy';
import { copyLine, loadWorkouts } from '../src/main/targets/pg-load';
import { ensureTables } from '../src/main/targets/pg-schema';
import { startTestPostgres } from '../test/helpers/postgres';
import { generateWorkouts } from './generate';
import type { Bench, BenchFigure } from './types';

const ROWS = 100_000;
const SAMPLE = 10_000;
const REMOTE_SAMPLE = 2_000;
const TARGET_SPEEDUP = 20;

/** A generated workout as Spoke loads it, with details the size of a small real payload. */
function pgRowOf(w: WorkoutInput, i: number): PgWorkoutRow {
  const stored = { ...w, riderId: `rider-${w.riderName}` } as unknown as StoredWorkout;
  return {
    seed: seedFields(stored),
    riderId: stored.riderId,
    timezone: 'America/New_York',
    status: 'COMPLETE',
    rideKind: w.rideKind,
    instructorId: w.instructor ? `instr-${w.instructor.length}` : null,
    metricsJson: JSON.stringify({
      avgWatts: 100 + (i % 90),
      avgCadenceRpm: 80,
      calories: 300,
      distance: 9.1,
    }),
    rawJson: JSON.stringify({
      id: w.id,
      status: 'COMPLETE',
      fitness_discipline: w.classType,
      ride: { title: w.title },
    }),
  };
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The original Lambda: one f-string INSERT ... ON CONFLICT DO NOTHING per row, one commit at the end. */
async function originalLoad(client: pg.Client, rows: PgWorkoutRow[]): Promise<void> {
  await client.query(
    `CREATE TABLE peloton (workout_id varchar(45) PRIMARY KEY, date timestamp NOT NULL,
      class_title varchar(100) NOT NULL, instructor varchar(50) NOT NULL, class_type varchar(30) NOT NULL,
      length_min integer NOT NULL, total_output_kj float, rider_name varchar(30))`,
  );
  await client.query('BEGIN');
  for (const { seed } of rows) {
    const [id = '', date = '', title = '', instructor = '', type = '', length = '', output = '', rider = ''] =
      seed;
    const values = `(${[id, date, title, instructor, type].map((v) => client.escapeLiteral(v)).join(', ')}, ${length}, ${output}, ${client.escapeLiteral(rider)})`;
    await client.query(
      `INSERT INTO peloton (${SEED_COLUMNS.join(', ')}) VALUES ${values} ON CONFLICT ON CONSTRAINT peloton_pkey DO NOTHING`,
    );
  }
  await client.query('COMMIT');
}

/**
 * Not a way to load (no staging, nothing compared, so no rerun or adopted table
 * would work): COPY straight into both empty tables, the least work this server
 * can do to store the same rows; what any load through it can reach at best.
 */
async function floorLoad(client: pg.Client, rows: PgWorkoutRow[]): Promise<void> {
  await client.query('BEGIN');
  await ensureTables(client);
  const seed = function* () {
    for (const r of rows) yield `${r.seed.map(copyField).join('\t')}\n`;
  };
  const details = function* () {
    for (const r of rows) {
      const fields = [r.seed[0] ?? '', r.riderId, r.timezone, r.status, r.rideKind, r.instructorId];
      yield `${[...fields, r.metricsJson, r.rawJson].map(copyField).join('\t')}\t2026-01-01 00:00:00+00\n`;
    }
  };
  await copyFrom(client, 'COPY peloton FROM STDIN', chunked(seed()));
  await copyFrom(client, 'COPY peloton_workout_details FROM STDIN', chunked(details()));
  await client.query('COMMIT');
}

function* lazily(rows: PgWorkoutRow[]): Generator<string> {
  for (const row of rows) yield copyLine(row);
}

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

/** A TCP relay to `port` that holds every chunk `delayMs` each way: a database across a network. */
async function slowLink(port: number, delayMs: number) {
  const sockets = new Set<Socket>();
  const server = createServer((near) => {
    const far = tcpConnect(port, '127.0.0.1');
    for (const [from, to] of [
      [near, far],
      [far, near],
    ] as const) {
      sockets.add(from);
      from.on('error', () => {});
      from.on('close', () => to.destroy());
      from.on('data', (chunk) => setTimeout(() => to.write(chunk), delayMs));
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    via: (url: string) => url.replace(`:${port}/`, `:${(server.address() as AddressInfo).port}/`),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** Spoke's load (100,000 workouts into an empty database, then again) and the original's rows/s, over `url`. */
async function measure(newDatabase: () => Promise<string>, rows: PgWorkoutRow[], sample: number) {
  const spoke = await connect(await newDatabase());
  let t = performance.now();
  // Lines are made as COPY sends them, as a sync does (postgres.ts reads them day by day).
  const first = await loadWorkouts(spoke, lazily(rows));
  const firstMs = performance.now() - t;
  t = performance.now();
  const again = await loadWorkouts(spoke, lazily(rows));
  const againMs = performance.now() - t;
  await spoke.end();
  if (first.upserted !== rows.length || again.rows !== rows.length)
    throw new Error('postgres bench: bad counts');
  const original = await connect(await newDatabase());
  t = performance.now();
  await originalLoad(original, rows.slice(0, sample));
  const originalMs = performance.now() - t;
  await original.end();
  const floor = await connect(await newDatabase());
  t = performance.now();
  await floorLoad(floor, rows);
  const floorMs = performance.now() - t;
  await floor.end();
  return {
    floor: rate(rows.length, floorMs),
    floorMs,
    first: rate(rows.length, firstMs),
    firstMs,
    again: rate(rows.length, againMs),
    againMs,
    rewritten: again.upserted,
    original: rate(sample, originalMs),
  };
}

const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;

/**
 * Loading 100,000 workouts into an empty Postgres (embedded, on this machine), then
 * the same workouts again unchanged, next to the original Lambda's one-INSERT-per-row
 * pattern on a sample, on the same server in the same run: over loopback, and again
 * through a relay that adds 1 ms each way (a database in the same region, as the
 * original's RDS was to its Lambda), where each of the original's rows pays a round trip.
 */
export const bench: Bench = {
  title: `postgres: ${ROWS.toLocaleString('en')} workouts, COPY + one upsert vs. one INSERT per row`,
  async run(): Promise<BenchFigure[]> {
    const rows = [...generateWorkouts(ROWS, 5)].map(pgRowOf);
    const server = await startTestPostgres();
    const link = await slowLink(Number(new URL(server.url('postgres')).port), 1);
    try {
      const local = await measure(() => server.createDatabase(), rows, SAMPLE);
      const remote = await measure(async () => link.via(await server.createDatabase()), rows, REMOTE_SAMPLE);
      const target = `≥ ${TARGET_SPEEDUP}`;
      return [
        {
          name: 'loopback: first load into an empty database',
          value: local.first,
          unit: 'rows/s',
          note: `${Math.round(local.firstMs)} ms`,
        },
        {
          name: 'loopback: same workouts again (all unchanged)',
          value: local.again,
          unit: 'rows/s',
          note: `${Math.round(local.againMs)} ms`,
        },
        {
          name: 'rows the unchanged reload wrote',
          value: local.rewritten,
          unit: 'rows',
          target: '= 0',
          pass: local.rewritten === 0,
        },
        {
          name: `loopback: original, 1 INSERT per row (${SAMPLE.toLocaleString('en')})`,
          value: local.original,
          unit: 'rows/s',
        },
        {
          name: 'loopback: floor, COPY straight into both empty tables',
          value: local.floor,
          unit: 'rows/s',
          note: `${Math.round(local.floorMs)} ms, ${ratio(local.floor, local.original)}× original`,
        },
        {
          name: 'loopback: first load vs. original',
          value: ratio(local.first, local.original),
          unit: '×',
          target,
          pass: local.first >= TARGET_SPEEDUP * local.original,
        },
        {
          name: '1 ms each way: first load',
          value: remote.first,
          unit: 'rows/s',
          note: `${Math.round(remote.firstMs)} ms`,
        },
        {
          name: `1 ms each way: original (${REMOTE_SAMPLE.toLocaleString('en')} rows)`,
          value: remote.original,
          unit: 'rows/s',
        },
        {
          name: '1 ms each way: first load vs. original',
          value: ratio(remote.first, remote.original),
          unit: '×',
          target,
          pass: remote.first >= TARGET_SPEEDUP * remote.original,
        },
      ];
    } finally {
      await link.close();
      await server.close();
    }
  },
};
