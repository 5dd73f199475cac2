import type pg from 'pg';
import { UserError } from '../errors';
import { SEED_COLUMNS } from '../imports/seed-format';

/**
 * The original pipeline's table, as `historical_workouts.write_to_rds` created it
 * (seed-pipeline.md section e): the notebook reads it by column position, so its 8
 * columns keep this order. A table already there is adopted as it is, with its rows.
 */
export const PELOTON_DDL = `CREATE TABLE IF NOT EXISTS peloton (
  workout_id      varchar(45)  PRIMARY KEY,
  date            timestamp    NOT NULL,
  class_title     varchar(100) NOT NULL,
  instructor      varchar(50)  NOT NULL,
  class_type      varchar(30)  NOT NULL,
  length_min      integer      NOT NULL,
  total_output_kj float,
  rider_name      varchar(30)
)`;

/**
 * Everything richer than the seed columns, one row per workout of `peloton`, keyed
 * by workout_id. No foreign key: both tables are written by one statement of one
 * transaction, and the check cost about a fifth of a 100,000-row load.
 */
export const DETAILS_DDL = `CREATE TABLE IF NOT EXISTS peloton_workout_details (
  workout_id     text        PRIMARY KEY,
  rider_id       text        NOT NULL,
  timezone       text,
  status         text        NOT NULL,
  ride_kind      text        NOT NULL,
  instructor_id  text,
  metrics        jsonb,
  raw            jsonb,
  updated_at     timestamptz NOT NULL  -- when Spoke last inserted or changed the row
)`;

/** The load ledger: one row per load that Spoke committed. */
export const LOADS_DDL = `CREATE TABLE IF NOT EXISTS spoke_loads (
  id           bigserial   PRIMARY KEY,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz NOT NULL,
  rows         integer     NOT NULL,
  upserted     integer     NOT NULL
)`;

/** The longest value each seed column of `peloton` takes (varchar(n)), or null for no limit. */
export type ColumnLimits = Record<(typeof SEED_COLUMNS)[number], number | null>;

/**
 * Creates the three tables, or adopts `peloton` as it is when it has the seed
 * columns first and in order (extra columns after them are left alone). Call it
 * inside the load's transaction, under its advisory lock, so two loads never race
 * to create a table.
 */
export async function ensureTables(client: pg.Client): Promise<ColumnLimits> {
  await client.query(PELOTON_DDL);
  const { rows } = await client.query<{ name: string; max_len: number | null }>(
    `SELECT attname AS name,
            CASE WHEN atttypid IN ('varchar'::regtype, 'bpchar'::regtype) AND atttypmod > 4
                 THEN atttypmod - 4 END AS max_len
     FROM pg_attribute WHERE attrelid = 'peloton'::regclass AND attnum > 0 AND NOT attisdropped
     ORDER BY attnum`,
  );
  const names = rows.map((r) => r.name);
  if (SEED_COLUMNS.some((c, i) => names[i] !== c)) {
    throw new UserError(
      `The table peloton in this database has the columns (${names.join(', ')}), not the original pipeline's (${SEED_COLUMNS.join(', ')}) in that order; rename it, or point Spoke at another database.`,
      'failed',
    );
  }
  await client.query(DETAILS_DDL);
  await client.query(LOADS_DDL);
  return Object.fromEntries(
    rows.slice(0, SEED_COLUMNS.length).map((r) => [r.name, r.max_len]),
  ) as ColumnLimits;
}

/**
 * Which tables these are: their oids, which change when a table is dropped and
 * created again (or the database recreated), so that Spoke then loads every day
 * again. Null while they do not exist.
 */
export async function tableGeneration(client: pg.Client): Promise<string | null> {
  const { rows } = await client.query<{ generation: string | null }>(
    `SELECT to_regclass('peloton')::oid::text || '.' || to_regclass('peloton_workout_details')::oid::text
       AS generation`,
  );
  return rows[0]?.generation ?? null;
}
