import pg from 'pg';
import type { StoredWorkout } from '../src/main/cache/workouts-repo';
import { seedFields } from '../src/main/exports/export-workouts';
import { SEED_COLUMNS } from '../src/main/imports/seed-format';
import type { WorkoutInput } from '../src/main/imports/workout-input';
import type { PgWorkoutRow } from '../src/main/targets/day-rows';
import { copyLine, loadWorkouts } from '../src/main/targets/pg-load';
import { startTestPostgres } from '../test/helpers/postgres';
import { generateWorkouts } from './generate';
import type { Bench, BenchFigure } from './types';

const ROWS = 100_000;
const SAMPLE = 10_000;
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
    const [id, date, title, instructor, type, length, output, rider] = seed.map((v) => v ?? '');
    const values = `(${[id, date, title, instructor, type].map((v) => client.escapeLiteral(v)).join(', ')}, ${length}, ${output}, ${client.escapeLiteral(rider)})`;
    await client.query(
      `INSERT INTO peloton (${SEED_COLUMNS.join(', ')}) VALUES ${values} ON CONFLICT ON CONSTRAINT peloton_pkey DO NOTHING`,
    );
  }
  await client.query('COMMIT');
}

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

/**
 * Loading 100,000 workouts into an empty Postgres (embedded, same machine), then the
 * same workouts again unchanged, against the original Lambda's one-INSERT-per-row
 * pattern measured on a 10,000-row sample on the same server in the same run.
 */
export const bench: Bench = {
  title: `postgres: ${ROWS.toLocaleString('en')} workouts, COPY + one upsert vs. one INSERT per row`,
  async run(): Promise<BenchFigure[]> {
    const rows = [...generateWorkouts(ROWS, 5)].map(pgRowOf);
    const server = await startTestPostgres();
    try {
      const spoke = await connect(await server.createDatabase());
      let t = performance.now();
      const first = await loadWorkouts(spoke, rows.map(copyLine));
      const firstMs = performance.now() - t;
      t = performance.now();
      const again = await loadWorkouts(spoke, rows.map(copyLine));
      const againMs = performance.now() - t;
      await spoke.end();
      if (first.upserted !== ROWS || again.rows !== ROWS)
        throw new Error('postgres bench: unexpected counts');

      const original = await connect(await server.createDatabase());
      t = performance.now();
      await originalLoad(original, rows.slice(0, SAMPLE));
      const originalMs = performance.now() - t;
      await original.end();

      const firstRate = rate(ROWS, firstMs);
      const speedup = firstRate / rate(SAMPLE, originalMs);
      return [
        {
          name: 'first load into an empty database',
          value: firstRate,
          unit: 'rows/s',
          note: `${Math.round(firstMs)} ms`,
        },
        {
          name: 'same workouts again (all unchanged)',
          value: rate(ROWS, againMs),
          unit: 'rows/s',
          note: `${Math.round(againMs)} ms`,
        },
        {
          name: 'rows the unchanged reload wrote',
          value: again.upserted,
          unit: 'rows',
          target: '= 0',
          pass: again.upserted === 0,
        },
        {
          name: `original: one INSERT per row (${SAMPLE.toLocaleString('en')} rows)`,
          value: rate(SAMPLE, originalMs),
          unit: 'rows/s',
          note: `${Math.round(originalMs)} ms`,
        },
        {
          name: 'first load vs. original, speed-up',
          value: Math.round(speedup * 10) / 10,
          unit: '×',
          target: `≥ ${TARGET_SPEEDUP}`,
          pass: speedup >= TARGET_SPEEDUP,
        },
      ];
    } finally {
      await server.close();
    }
  },
};
