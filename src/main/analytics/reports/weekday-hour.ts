import type { WeekdayHourRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { perRiderAndOffset } from '../buckets';
import { DAY_SHIFT_DAYS, type ResolvedFilter } from '../filter';
import { sortRows } from '../format';

const WEEK_SEC = 7 * 86400;

/**
 * F10: workouts per local weekday (Monday = 1) and hour, non-zero cells only.
 * SQL groups each rider's workouts by the hour of the week counted from a
 * Thursday (1970-01-01, and the day shift is a whole number of weeks), local
 * time being UTC plus the offset of the workout's stretch (perRiderAndOffset).
 */
export function weekdayHour(db: Cache, f: ResolvedFilter): WeekdayHourRow[] {
  const cells = perRiderAndOffset<{ how: number; workouts: number }>(
    db,
    f,
    `SELECT (w.start_time + s.off + ${DAY_SHIFT_DAYS * 86400}) % ${WEEK_SEC} / 3600 AS how,
            COUNT(*) AS workouts`,
    'GROUP BY how',
  );
  const out: WeekdayHourRow[] = f.riders.flatMap((rider) =>
    (cells.get(rider.id) ?? []).map(({ how, workouts }) => ({
      rider: rider.name,
      // Hour 0 of the week is Thursday 00:00; Thursday is weekday 4.
      weekday: ((Math.floor(how / 24) + 3) % 7) + 1,
      hour: how % 24,
      workouts,
    })),
  );
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.weekday,
    (r) => r.hour,
  );
}
