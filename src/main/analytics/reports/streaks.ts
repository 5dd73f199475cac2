import type { StreakRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { groupBy } from '../../util/group-by';
import {
  DAY_SHIFT_DAYS,
  dayLabel,
  dayNumber,
  instantRange,
  type ResolvedFilter,
  type SqlParam,
  whereClause,
  workoutsSource,
} from '../filter';
import { sortRows } from '../format';
import { dayOf, offsetSpans } from '../time-zone';

type Run = { id: string; first: number; last: number; days: number };

/**
 * Runs of consecutive local days with a workout, per rider. SQLite finds the
 * active days (activeRuns); JS joins them into runs and picks the current
 * run (the one that includes today, or `--to`, or the day before), the longest (a
 * tie goes to the most recent) and counts the active days. Every selected rider
 * gets a row, with zeros when nothing matches.
 */
export function streaks(db: Cache, f: ResolvedFilter, now: Date = new Date()): StreakRow[] {
  const runs = activeRuns(db, f);
  const byRider = groupBy(runs, (run) => run.id);
  const today = dayNumber(f.toDay ?? dayOf(Math.floor(now.getTime() / 1000), f.tz));
  const rows = f.riders.map((rider): StreakRow => {
    const mine = byRider.get(rider.id) ?? [];
    let longest: Run | undefined;
    let activeDays = 0;
    for (const run of mine) {
      activeDays += run.days;
      if (!longest || run.days > longest.days || (run.days === longest.days && run.last > longest.last)) {
        longest = run;
      }
    }
    const includes = (day: number) => mine.find((run) => run.first <= day && day <= run.last);
    const current = includes(today) ?? includes(today - 1);
    return {
      rider: rider.name,
      currentDays: current?.days ?? 0,
      longestDays: longest?.days ?? 0,
      longestStart: longest ? dayLabel(longest.first) : null,
      longestEnd: longest ? dayLabel(longest.last) : null,
      activeDays,
    };
  });
  return sortRows(rows, (r) => r.rider);
}

/**
 * Each rider's runs of consecutive active local days, in day order. The active
 * days come from SQLite: per rider and stretch of time in which the zone's offset
 * stays the same, the distinct local days of the rider's range of the (rider,
 * time) index (local time is the UTC time plus a constant there).
 */
function activeRuns(db: Cache, f: ResolvedFilter): Run[] {
  const range = instantRange(db, f);
  if (!range) return [];
  const where = whereClause(f);
  const stmt = db
    .prepare<SqlParam[], number>(
      `SELECT DISTINCT (w.start_time + CAST(? AS INTEGER) + ${DAY_SHIFT_DAYS * 86400}) / 86400
         FROM ${workoutsSource(db, f, []).from}
        WHERE w.rider_id = ? AND w.start_time >= ? AND w.start_time < ? AND ${where.sql}`,
    )
    .pluck();
  const spans = offsetSpans(f.tz, range.lo, range.hi + 1);
  const runs: Run[] = [];
  for (const rider of f.riders) {
    const days = new Set<number>();
    spans.forEach((span, i) => {
      const end = spans[i + 1]?.from ?? range.hi + 1;
      for (const day of stmt.all(span.offset, rider.id, span.from, end, ...where.params)) days.add(day);
    });
    let run: Run | undefined;
    for (const day of [...days].sort((a, b) => a - b)) {
      if (run && run.last === day - 1) {
        run.last = day;
        run.days += 1;
      } else {
        run = { id: rider.id, first: day, last: day, days: 1 };
        runs.push(run);
      }
    }
  }
  return runs;
}
