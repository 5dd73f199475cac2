import type { StreakRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { groupBy } from '../../util/group-by';
import { localDay } from '../buckets';
import {
  dayLabel,
  dayNumber,
  hasRowFilter,
  type ResolvedFilter,
  type SqlParam,
  whereClause,
  workoutsSource,
} from '../filter';
import { sortRows } from '../format';
import { dayOf } from '../time-zone';

type Run = { id: string; first: number; last: number; days: number };

/**
 * Runs of consecutive local days with a workout, per rider. SQLite turns the
 * distinct active days into runs (gaps and islands); JS picks the current run
 * (the one that includes today, or `--to`, or the day before), the longest (a
 * tie goes to the most recent) and counts the active days. Every selected rider
 * gets a row, with zeros when nothing matches.
 */
export function streaks(db: Cache, f: ResolvedFilter, now: Date = new Date()): StreakRow[] {
  const { sql, params } = whereClause(f);
  // Riders and days alone are answered from the rider index; a class type, length
  // or instructor filter reads rows, which a scan does faster than index lookups.
  const from = hasRowFilter(f) ? workoutsSource(db, f, []).from : 'workouts w';
  const runs = db
    .prepare<SqlParam[], Run>(
      `WITH active AS (
         SELECT DISTINCT w.rider_id AS id, ${localDay(db, f)} AS day FROM ${from} WHERE ${sql}
       ), islands AS (
         SELECT id, day, day - ROW_NUMBER() OVER (PARTITION BY id ORDER BY day) AS island FROM active
       )
       SELECT id, MIN(day) AS first, MAX(day) AS last, COUNT(*) AS days FROM islands GROUP BY id, island`,
    )
    .all(...params);
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
