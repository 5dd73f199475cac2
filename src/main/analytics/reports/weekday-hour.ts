import type { WeekdayHourRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { perRiderAndOffset } from '../buckets';
import { DAY_SHIFT_DAYS, type ResolvedFilter } from '../filter';
import { sortRows } from '../format';

const WEEK_SEC = 7 * 86400;

/**
 * F10: workouts per local weekday (Monday = 1) and hour, non-zero cells only.
 * SQL groups by the hour of the week counted from a Thursday (1970-01-01, and
 * the day shift is a whole number of weeks), per rider and stretch of one offset
 * (perRiderAndOffset); JS adds up the stretches.
 */
export function weekdayHour(db: Cache, f: ResolvedFilter): WeekdayHourRow[] {
  const cells = perRiderAndOffset<{ how: number; workouts: number }>(
    db,
    f,
    `SELECT (w.start_time + CAST(? AS INTEGER) + ${DAY_SHIFT_DAYS * 86400}) % ${WEEK_SEC} / 3600 AS how,
            COUNT(*) AS workouts`,
    'GROUP BY how',
  );
  const out: WeekdayHourRow[] = [];
  for (const rider of f.riders) {
    const counts = new Map<number, number>();
    for (const cell of cells.get(rider.id) ?? [])
      counts.set(cell.how, (counts.get(cell.how) ?? 0) + cell.workouts);
    for (const [how, workouts] of counts) {
      // Hour 0 of the week is Thursday 00:00; Thursday is weekday 4.
      out.push({
        rider: rider.name,
        weekday: ((Math.floor(how / 24) + 3) % 7) + 1,
        hour: how % 24,
        workouts,
      });
    }
  }
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.weekday,
    (r) => r.hour,
  );
}
