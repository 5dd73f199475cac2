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
 * writes nothing (not even a new row version). A table that is empty gets a plain
 * INSERT instead: nothing can conflict, and ON CONFLICT's speculative insertion
 * cost a third of a first load. `upserted` counts the workouts inserted or changed
 * in either table. `beforeCommit` lets tests fail a load at its last moment.
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
    // Other writers (the original pipeline's Lambda, say) wait for this load, so a
    // table seen empty stays empty until the plain INSERT; readers are not held up.
    await client.query('LOCK TABLE peloton, peloton_workout_details IN SHARE ROW EXCLUSIVE MODE');
    const empty = await emptyTables(client);
    await client.query(STAGE_DDL);
    const rows = await copyFrom(client, 'COPY spoke_stage FROM STDIN', chunked(lines));
    const upserted = await upsertBoth(client, limits, empty);
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

type Empty = { peloton: boolean; details: boolean };

async function emptyTables(client: pg.Client): Promise<Empty> {
  const { rows } = await client.query<Empty>(
    `SELECT NOT EXISTS (SELECT FROM peloton) AS peloton,
            NOT EXISTS (SELECT FROM peloton_workout_details) AS details`,
  );
  return rows[0] ?? { peloton: false, details: false };
}

/** Writes the staged workouts into both tables; the number of workouts inserted or changed. */
async function upsertBoth(client: pg.Client, limits: ColumnLimits, empty: Empty): Promise<number> {
  if (empty.peloton || empty.details) {
    // Every staged workout (that fits) goes into the empty table, so that count is the answer.
    const p = await client.query(upsertPeloton(limits, empty.peloton));
    const d = await client.query(upsertDetails(limits, empty.details));
    return (empty.peloton ? p.rowCount : d.rowCount) ?? 0;
  }
  // Both upserts in one statement, counting the workouts either one inserted or changed
  // (few, except after a change to every workout: an unchanged reload returns none).
  const { rows } = await client.query<{ upserted: number }>(
    `WITH p AS (${upsertPeloton(limits, false)} RETURNING workout_id),
          d AS (${upsertDetails(limits, false)} RETURNING workout_id)
     SELECT count(*)::int AS upserted FROM (SELECT workout_id FROM p UNION SELECT workout_id FROM d) changed`,
  );
  return rows[0]?.upserted ?? 0;
}

// A workout id longer than the adopted table's workout_id cannot be stored (and
// must not be cut: it is the key); other text is cut to its column's length, as
// the full values stay in peloton_workout_details.raw.
const fits = (limits: ColumnLimits) =>
  limits.workout_id ? `WHERE char_length(workout_id) <= ${Number(limits.workout_id)}` : '';

function upsertPeloton(limits: ColumnLimits, plain: boolean): string {
  const value = (c: (typeof SEED_COLUMNS)[number]) => {
    const max = limits[c];
    return max && c !== 'workout_id' ? `left(${c}, ${Number(max)})` : c;
  };
  const rest = SEED_COLUMNS.filter((c) => c !== 'workout_id');
  const insert = `INSERT INTO peloton (${SEED_COLUMNS.join(', ')})
    SELECT ${SEED_COLUMNS.map(value).join(', ')} FROM spoke_stage ${fits(limits)}`;
  if (plain) return insert;
  return `${insert}
    ON CONFLICT (workout_id) DO UPDATE SET ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}
    WHERE (${rest.map((c) => `peloton.${c}`).join(', ')}) IS DISTINCT FROM (${rest.map((c) => `excluded.${c}`).join(', ')})`;
}

function upsertDetails(limits: ColumnLimits, plain: boolean): string {
  const cols = DETAIL_COLUMNS;
  // updated_at is when Spoke last changed the row, so it is set, never compared.
  const insert = `INSERT INTO peloton_workout_details (workout_id, ${cols.join(', ')}, updated_at)
    SELECT workout_id, ${cols.join(', ')}, now() FROM spoke_stage ${fits(limits)}`;
  if (plain) return insert;
  return `${insert}
    ON CONFLICT (workout_id) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')},
      updated_at = excluded.updated_at
    WHERE (${cols.map((c) => `peloton_workout_details.${c}`).join(', ')})
      IS DISTINCT FROM (${cols.map((c) => `excluded.${c}`).join(', ')})`;
}
