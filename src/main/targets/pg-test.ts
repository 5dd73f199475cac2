import type pg from 'pg';
import { SEED_COLUMNS } from '../imports/seed-format';
import { connectPg, type PgWhere, parsePgUrl } from './pg-connect';
import { describePgError } from './pg-errors';
import type { TargetCheck } from './s3-test';

type Probe = {
  user: string;
  db: string;
  tls: boolean | null;
  columns: string[] | null;
  can_create: boolean | null;
};

/**
 * Settings' "Test connection": connects with the URL as a sync would, and answers
 * one sentence: connected (as whom, with or without TLS, and what Spoke will do
 * with the table peloton), or what is wrong. Nothing is written. The URL is never
 * repeated back.
 */
export async function testPostgres(url: string | null): Promise<TargetCheck> {
  if (!url) {
    return { ok: false, message: 'No Postgres URL is set; set postgres.url (or SPOKE_DATABASE_URL) first.' };
  }
  let where: PgWhere;
  try {
    where = parsePgUrl(url);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  let client: pg.Client | null = null;
  try {
    client = await connectPg(url, where);
    const { rows } = await client.query<Probe>(
      `SELECT current_user AS user, current_database() AS db,
              (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS tls,
              (SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
                WHERE attrelid = to_regclass('peloton') AND attnum > 0 AND NOT attisdropped) AS columns,
              has_schema_privilege(current_schema(), 'CREATE') AS can_create`,
    );
    const p = rows[0] as Probe;
    const who = `Connected to database "${p.db}" on ${where.host}:${where.port} as "${p.user}" (${p.tls ? 'TLS' : 'no TLS'}).`;
    if (p.columns) {
      if (SEED_COLUMNS.some((c, i) => p.columns?.[i] !== c)) {
        return {
          ok: false,
          message: `${who} But its table peloton has other columns (${p.columns.join(', ')}) than the original pipeline's; rename it or use another database.`,
        };
      }
      const count = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM peloton');
      return {
        ok: true,
        message: `${who} Its table peloton (${count.rows[0]?.n ?? 0} rows) will be kept and added to.`,
      };
    }
    if (!p.can_create) {
      return {
        ok: false,
        message: `${who} But "${p.user}" may not create tables here; grant it CREATE ON SCHEMA public, or make it the database owner.`,
      };
    }
    return {
      ok: true,
      message: `${who} The first sync will create the tables peloton, peloton_workout_details and spoke_loads.`,
    };
  } catch (error) {
    return { ok: false, message: describePgError(error, where, url) };
  } finally {
    await client?.end().catch(() => {});
  }
}
