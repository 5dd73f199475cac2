import type { WeekdayHourRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import {
  DAY_SHIFT_DAYS,
  instantRange,
  type ResolvedFilter,
  type SqlParam,
  whereClause,
  workoutsSource,
} from '../filter';
import { sortRows } from '../format';
import { offsetSpans } from '../time-zone';

const WEEK_SEC = 7 * 86400;

/**
 * F10: workouts per local weekday (Monday = 1) and hour, non-zero cells only.
 * SQL groups by the hour of the week counted from a Thursday (1970-01-01, and
 * the day shift is a whole number of weeks), once per rider and stretch of time
 * in which the zone's offset stays the same: each query reads one range of the
 * (rider, time) index, its local time is the UTC time plus a constant, and it
 * sorts a few thousand rows instead of every workout at once (several times
 * faster in all). JS adds up the stretches.
 */
export function weekdayHour(db: Cache, f: ResolvedFilter): WeekdayHourRow[] {
  const range = instantRange(db, f);
  if (!range) return [];
  const where = whereClause(f);
  const stmt = db.prepare<SqlParam[], { how: number; workouts: number }>(
    `SELECT (w.start_time + CAST(? AS INTEGER) + ${DAY_SHIFT_DAYS * 86400}) % ${WEEK_SEC} / 3600 AS how, COUNT(*) AS workouts
       FROM ${workoutsSource(db, f, []).from}
      WHERE w.rider_id = ? AND w.start_time >= ? AND w.start_time < ? AND ${where.sql}
      GROUP BY how`,
  );
  const spans = offsetSpans(f.tz, range.lo, range.hi + 1);
  const out: WeekdayHourRow[] = [];
  for (const rider of f.riders) {
    const counts = new Map<number, number>();
    spans.forEach((span, i) => {
      const end = spans[i + 1]?.from ?? range.hi + 1;
      for (const cell of stmt.all(span.offset, rider.id, span.from, end, ...where.params)) {
        counts.set(cell.how, (counts.get(cell.how) ?? 0) + cell.workouts);
      }
    });
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
