import type { WeekdayHourRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import {
  localDaySql,
  localHourSql,
  localTime,
  type ResolvedFilter,
  riderNames,
  type SqlParam,
  whereClause,
} from '../filter';
import { sortRows } from '../format';

/** F10: workouts per local weekday (Monday = 1) and hour, non-zero cells only. */
export function weekdayHour(db: Cache, f: ResolvedFilter): WeekdayHourRow[] {
  const { sql, params } = whereClause(f);
  const local = localTime(db, f);
  const names = riderNames(f);
  // The shifted day number is a whole number of weeks from 1970-01-01, a Thursday.
  const rows = db
    .prepare<SqlParam[], { id: string; weekday: number; hour: number; workouts: number }>(
      `SELECT w.rider_id AS id, (${localDaySql(local)} + 3) % 7 + 1 AS weekday,
              ${localHourSql(local)} AS hour, COUNT(*) AS workouts
         FROM workouts w
        WHERE ${sql}
        GROUP BY w.rider_id, weekday, hour`,
    )
    .all(...params);
  const out = rows.map((row) => ({
    rider: names.get(row.id) ?? row.id,
    weekday: row.weekday,
    hour: row.hour,
    workouts: row.workouts,
  }));
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.weekday,
    (r) => r.hour,
  );
}
