import type { MonthlyOutputRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { monthBuckets } from '../buckets';
import {
  type ResolvedFilter,
  RIDE_COLUMNS,
  riderNames,
  rideWhereClause,
  type SqlParam,
  workoutsSource,
} from '../filter';
import { sortRows } from '../format';

/**
 * F7: average output per month and class length in the ride subset (months with
 * data only). One GROUP BY per rider, over that rider's range of the (rider, time)
 * index: several small sorts cost less than one over every ride.
 */
export function monthlyOutput(db: Cache, f: ResolvedFilter): MonthlyOutputRow[] {
  const { sql, params } = rideWhereClause(f);
  const months = monthBuckets(db, f);
  const names = riderNames(f);
  const stmt = db.prepare<SqlParam[], { month: number; lengthMin: number; avgOutputKj: number; n: number }>(
    `SELECT ${months.sql} AS month, w.length_min AS lengthMin, AVG(w.output_kj) AS avgOutputKj, COUNT(*) AS n
       FROM ${workoutsSource(db, f, RIDE_COLUMNS).from}
      WHERE w.rider_id = ? AND ${sql}
      GROUP BY month, w.length_min`,
  );
  const rows = f.riders.flatMap((r) => stmt.all(r.id, ...params).map((row) => ({ id: r.id, ...row })));
  const out = rows.map((row) => ({
    rider: names.get(row.id) ?? row.id,
    month: months.labels[row.month] ?? '',
    lengthMin: row.lengthMin,
    avgOutputKj: row.avgOutputKj,
    n: row.n,
  }));
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.month,
    (r) => r.lengthMin,
  );
}
