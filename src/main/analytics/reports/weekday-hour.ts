import type { WeekdayHourRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import {
  DAY_SHIFT_DAYS,
  hasRowFilter,
  localTime,
  type ResolvedFilter,
  riderIndexSql,
  riderNames,
  type SqlParam,
  whereClause,
  workoutsSource,
} from '../filter';
import { sortRows } from '../format';

const WEEK_SEC = 7 * 86400;

/**
 * F10: workouts per local weekday (Monday = 1) and hour, non-zero cells only.
 * SQL groups by the hour of the week counted from a Thursday (1970-01-01, and
 * the day shift is a whole number of weeks): one zone lookup per row, and only
 * the rider index is read.
 */
export function weekdayHour(db: Cache, f: ResolvedFilter): WeekdayHourRow[] {
  const { sql, params } = whereClause(f);
  const names = riderNames(f);
  const hourOfWeek = `((${localTime(db, f)} + ${DAY_SHIFT_DAYS * 86400}) % ${WEEK_SEC} / 3600)`;
  const riderIndex = riderIndexSql(f);
  const n = f.riders.length;
  // Riders and days alone are answered from the rider index; a class type, length
  // or instructor filter reads rows, which a scan does faster than index lookups.
  const from = hasRowFilter(f) ? workoutsSource(db, f, []).from : 'workouts w';
  const cells =
    riderIndex === null
      ? db
          .prepare<SqlParam[], { id: string; how: number; workouts: number }>(
            `SELECT w.rider_id AS id, ${hourOfWeek} AS how, COUNT(*) AS workouts
               FROM ${from} WHERE ${sql} GROUP BY w.rider_id, how`,
          )
          .all(...params)
      : db
          .prepare<SqlParam[], { k: number | null; workouts: number }>(
            // One integer key: the sorter compares it much faster than (text, integer).
            `SELECT ${hourOfWeek} * ${n} + ${riderIndex} AS k, COUNT(*) AS workouts
               FROM ${from} WHERE ${sql} GROUP BY k`,
          )
          .all(...params)
          .flatMap(({ k, workouts }) =>
            k === null ? [] : [{ id: f.riders[k % n]?.id ?? '', how: Math.floor(k / n), workouts }],
          );
  const out = cells.map((cell) => ({
    rider: names.get(cell.id) ?? cell.id,
    // Hour 0 of the week is Thursday 00:00; Thursday is weekday 4.
    weekday: ((Math.floor(cell.how / 24) + 3) % 7) + 1,
    hour: cell.how % 24,
    workouts: cell.workouts,
  }));
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.weekday,
    (r) => r.hour,
  );
}
