import type pg from 'pg';
import { SEED_COLUMNS } from '../imports/seed-format';
import type { PgWorkoutRow } from './day-rows';
import { chunked, copyField, copyFrom } from './pg-copy';
import { type ColumnLimits, ensureTables, tableGeneration } from './pg-schema';

// Any bigint will do, as long as every Spoke uses the same one: 'spok'.
const LOCK_KEY = 0x73706f6b;

const DETAIL_COLUMNS = [
  'rider_id',
  'timezone',
  'status',
  'ride_kind',
  'instructor_id',
  'metrics',
  'raw',
] as const;

const STAGE_DDL = `CREATE TEMP TABLE spoke_stage (
  workout_id text, date timestamp, class_title text, instructor text, class_type text,
  length_min integer, total_output_kj double precision, rider_name text,
  rider_id text, timezone text, status text, ride_kind text, instructor_id text,
  metrics jsonb, raw jsonb
) ON COMMIT DROP`;

/** A workout as one line of `COPY spoke_stage FROM STDIN` (text format). */
export function copyLine(row: PgWorkoutRow): string {
  let line = '';
  for (const field of row.seed) line += `${copyField(field)}\t`;
  return `${line}${copyField(row.riderId)}\t${copyField(row.timezone)}\t${copyField(row.status)}\t${copyField(
    row.rideKind,
  )}\t${copyField(row.instructorId)}\t${copyField(row.metricsJson)}\t${copyField(row.rawJson)}\n`;
}

export type LoadOutcome = { rows: number; upserted: number; generation: string };

/**
 * Loads workouts (as copyLine lines) in one transaction, under an advisory lock so
 * that two Spokes loading into one database take turns: COPY into a temporary
 * table, then one INSERT ... ON CONFLICT (workout_id) DO UPDATE per table that
 * changes only the rows whose values differ, so a reload of unchanged workouts
 * writes nothing (not even a new row version). `upserted` counts the workouts
 * inserted or changed in either table. `beforeCommit` lets tests fail a load at
 * its last moment.
 */
export async function loadWorkouts(
  client: pg.Client,
  lines: Iterable<string>,
  hooks: { beforeCommit?: () => void | Promise<void> } = {},
): Promise<LoadOutcome> {
  const started = new Date();
  await client.query('BEGIN');
  try {
    await client.query("SET LOCAL lock_timeout = '120s'");
    // The staging table lives in temp buffers (8 MB by default: a big load would go
    // to disk), and the count of changed workouts hashes their ids.
    await client.query("SET LOCAL temp_buffers = '256MB'");
    await client.query("SET LOCAL work_mem = '64MB'");
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const limits = await ensureTables(client);
    await client.query(STAGE_DDL);
    const rows = await copyFrom(client, 'COPY spoke_stage FROM STDIN', chunked(lines));
    // Both upserts in one statement, counting the workouts either one inserted or changed.
    const { rows: counted } = await client.query<{ upserted: number }>(
      `WITH p AS (${upsertPeloton(limits)}), d AS (${upsertDetails(limits)})
       SELECT count(*)::int AS upserted FROM (SELECT workout_id FROM p UNION SELECT workout_id FROM d) changed`,
    );
    const upserted = counted[0]?.upserted ?? 0;
    await client.query(
      'INSERT INTO spoke_loads (started_at, finished_at, rows, upserted) VALUES ($1, clock_timestamp(), $2, $3)',
      [started, rows, upserted],
    );
    const generation = (await tableGeneration(client)) ?? '';
    await hooks.beforeCommit?.();
    await client.query('COMMIT');
    return { rows, upserted, generation };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

// A workout id longer than the adopted table's workout_id cannot be stored (and
// must not be cut: it is the key); other text is cut to its column's length, as
// the full values stay in peloton_workout_details.raw.
const fits = (limits: ColumnLimits) =>
  limits.workout_id ? `WHERE char_length(workout_id) <= ${Number(limits.workout_id)}` : '';

function upsertPeloton(limits: ColumnLimits): string {
  const value = (c: (typeof SEED_COLUMNS)[number]) => {
    const max = limits[c];
    return max && c !== 'workout_id' ? `left(${c}, ${Number(max)})` : c;
  };
  const rest = SEED_COLUMNS.filter((c) => c !== 'workout_id');
  return `INSERT INTO peloton (${SEED_COLUMNS.join(', ')})
    SELECT ${SEED_COLUMNS.map(value).join(', ')} FROM spoke_stage ${fits(limits)}
    ON CONFLICT (workout_id) DO UPDATE SET ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}
    WHERE (${rest.map((c) => `peloton.${c}`).join(', ')}) IS DISTINCT FROM (${rest.map((c) => `excluded.${c}`).join(', ')})
    RETURNING workout_id`;
}

function upsertDetails(limits: ColumnLimits): string {
  const cols = DETAIL_COLUMNS;
  // updated_at is when Spoke last changed the row, so it is set, never compared.
  return `INSERT INTO peloton_workout_details (workout_id, ${cols.join(', ')}, updated_at)
    SELECT workout_id, ${cols.join(', ')}, now() FROM spoke_stage ${fits(limits)}
    ON CONFLICT (workout_id) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')},
      updated_at = excluded.updated_at
    WHERE (${cols.map((c) => `peloton_workout_details.${c}`).join(', ')})
      IS DISTINCT FROM (${cols.map((c) => `excluded.${c}`).join(', ')})
    RETURNING workout_id`;
}
