import type pg from 'pg';
import type { Cache } from '../cache/open-cache';
import type { Logger } from '../log/logger';
import type { Progress } from './daily-csv';
import { dataChecksum, dayWorkouts, pgRow } from './day-rows';
import {
  forgetOtherDestinations,
  lastDestination,
  markDelivered,
  type OwedItem,
  owedDeliveries,
  recordWaiting,
  settleWaiting,
} from './outbox';
import { connectPg, type PgWhere, parsePgUrl, pgName } from './pg-connect';
import { describePgError } from './pg-errors';
import { copyLine, loadWorkouts } from './pg-load';
import { tableGeneration } from './pg-schema';

export type PostgresHooks = { beforeCommit?: () => void | Promise<void> };

/**
 * Loads into Postgres every day whose rows this database has not received yet
 * (owedDeliveries; the destination names the database and its tables' oids, so a
 * dropped table or a new database gets every day again). On failure nothing is
 * committed and the days wait in the outbox with the reason; the next sync loads
 * them. Returns the workouts inserted or changed.
 */
export async function loadIntoPostgres(
  db: Cache,
  url: string,
  log: Logger,
  progress: Progress,
  hooks: PostgresHooks = {},
): Promise<{ upserted: number }> {
  let where: PgWhere | null = null;
  let owed: OwedItem[] | null = null;
  let client: pg.Client | null = null;
  try {
    where = parsePgUrl(url);
    const prefix = `${pgName(where)}#`;
    client = await connectPg(url, where);
    const generation = await tableGeneration(client);
    owed = owedDeliveries(db, 'postgres', `${prefix}${generation ?? 'new'}`);
    settleWaiting(db, 'postgres', owed);
    progress(0, owed.length);
    if (owed.length === 0 && generation) return { upserted: 0 };
    const loaded: OwedItem[] = [];
    const days = owed;
    // Rows are read day by day as COPY sends them, so a large first load is never
    // held in memory at once.
    const lines = function* () {
      for (const { item } of days) {
        const rows = dayWorkouts(db, item).map(pgRow);
        loaded.push({ item, checksum: dataChecksum(rows) });
        for (const row of rows) yield copyLine(row);
      }
    };
    const outcome = await loadWorkouts(client, lines(), hooks);
    const destination = `${prefix}${outcome.generation}`;
    markDelivered(db, 'postgres', destination, loaded);
    forgetOtherDestinations(db, 'postgres', prefix, destination);
    progress(owed.length, owed.length);
    return { upserted: outcome.upserted };
  } catch (error) {
    const message = where ? describePgError(error, where, url) : (error as Error).message;
    log.warn('Postgres load failed', { message });
    if (where && owed === null) {
      const prefix = `${pgName(where)}#`;
      owed = owedDeliveries(db, 'postgres', lastDestination(db, 'postgres', prefix) ?? `${prefix}new`);
      settleWaiting(db, 'postgres', owed);
    }
    recordWaiting(db, 'postgres', owed ?? [{ item: 'all', checksum: '' }], message);
    return { upserted: 0 };
  } finally {
    await client?.end().catch(() => {});
  }
}
