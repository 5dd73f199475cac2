import type { OutputByLengthRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import {
  lengthOrderedSource,
  type ResolvedFilter,
  RIDE_COLUMNS,
  riderNames,
  rideWhereClause,
  type SqlParam,
} from '../filter';
import { sortRows } from '../format';

/**
 * F6: the distribution of output per class length in the ride subset: raw
 * extremes, mean and quartiles by linear interpolation between the closest
 * ranks (numpy's and pandas' default), which is what SQLite's percentile_cont
 * computes (better-sqlite3 builds SQLite with SQLITE_ENABLE_PERCENTILE).
 */
export function outputByLength(db: Cache, f: ResolvedFilter): OutputByLengthRow[] {
  const { sql, params } = rideWhereClause(f);
  const names = riderNames(f);
  const rows = db
    .prepare<SqlParam[], Omit<OutputByLengthRow, 'rider'> & { id: string }>(
      `SELECT w.rider_id AS id, w.length_min AS lengthMin, COUNT(*) AS n, MIN(w.output_kj) AS min,
              percentile_cont(w.output_kj, 0.25) AS q1, percentile_cont(w.output_kj, 0.5) AS median,
              percentile_cont(w.output_kj, 0.75) AS q3, MAX(w.output_kj) AS max, AVG(w.output_kj) AS mean
         FROM ${lengthOrderedSource(db, f, RIDE_COLUMNS).from}
        WHERE ${sql}
        GROUP BY w.rider_id, w.length_min`,
    )
    .all(...params);
  const out = rows.map(({ id, ...row }) => ({ rider: names.get(id) ?? id, ...row }));
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.lengthMin,
  );
}
