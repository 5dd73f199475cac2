import type { MonthlyCountRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { groupBy } from '../../util/group-by';
import { monthBuckets } from '../buckets';
import { type ResolvedFilter, riderNames, type SqlParam, whereClause } from '../filter';
import { sortRows } from '../format';

/** F1: workouts per month per rider, all class types, months without workouts as 0. */
export function monthlyCounts(db: Cache, f: ResolvedFilter): MonthlyCountRow[] {
  const { sql, params } = whereClause(f);
  const months = monthBuckets(db, f);
  const names = riderNames(f);
  const rows = db
    .prepare<SqlParam[], { id: string; month: number; workouts: number }>(
      `SELECT w.rider_id AS id, ${months.sql} AS month, COUNT(*) AS workouts
         FROM workouts w
        WHERE ${sql}
        GROUP BY w.rider_id, month`,
    )
    .all(...params);
  const out: MonthlyCountRow[] = [];
  for (const [id, group] of groupBy(rows, (row) => row.id)) {
    const rider = names.get(id) ?? id;
    const counts = new Map(group.map((g) => [g.month, g.workouts]));
    const first = Math.min(...counts.keys());
    const last = Math.max(...counts.keys());
    for (let m = first; m <= last; m++) {
      out.push({ rider, month: months.labels[m] ?? '', workouts: counts.get(m) ?? 0 });
    }
  }
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.month,
  );
}
