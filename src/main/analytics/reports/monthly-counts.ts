import type { MonthlyCountRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { groupBy } from '../../util/group-by';
import { localTime, type ResolvedFilter, whereClause } from '../filter';
import { monthsBetween } from '../format';

/** F1: workouts per month per rider, all class types, months without workouts as 0. */
export function monthlyCounts(db: Cache, f: ResolvedFilter): MonthlyCountRow[] {
  const { sql, params } = whereClause(f);
  const local = localTime(db, f);
  const rows = db
    .prepare<(string | number)[], MonthlyCountRow>(
      `SELECT r.name AS rider, strftime('%Y-%m', ${local}, 'unixepoch') AS month, COUNT(*) AS workouts
         FROM workouts w JOIN riders r ON r.id = w.rider_id
        WHERE ${sql}
        GROUP BY w.rider_id, month ORDER BY r.name, month`,
    )
    .all(...params);
  const byRider = groupBy(rows, (row) => row.rider);
  return [...byRider].flatMap(([rider, months]) => {
    const counts = new Map(months.map((m) => [m.month, m.workouts]));
    const first = months[0]?.month ?? '';
    const last = months[months.length - 1]?.month ?? '';
    return monthsBetween(first, last).map((month) => ({ rider, month, workouts: counts.get(month) ?? 0 }));
  });
}
