import type { StreakRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { groupBy } from '../../util/group-by';
import { perRiderAndOffset } from '../buckets';
import { DAY_SHIFT_DAYS, dayLabel, dayNumber, type ResolvedFilter } from '../filter';
import { sortRows } from '../format';
import { dayOf } from '../time-zone';

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
 * Each rider's runs of consecutive active local days, in day order. SQLite gives
 * each rider's distinct local days (perRiderAndOffset), in no promised order; JS
 * sorts them (an ORDER BY made SQLite sort again: 35 ms for the report, not 20,
 * on 100,000 workouts).
 */
function activeRuns(db: Cache, f: ResolvedFilter): Run[] {
  const days = perRiderAndOffset<{ day: number }>(
    db,
    f,
    `SELECT DISTINCT (w.start_time + s.off + ${DAY_SHIFT_DAYS * 86400}) / 86400 AS day`,
  );
  const runs: Run[] = [];
  for (const [riderId, rows] of days) {
    let run: Run | undefined;
    for (const day of rows.map((r) => r.day).sort((a, b) => a - b)) {
      if (run && run.last === day - 1) {
        run.last = day;
        run.days += 1;
      } else {
        run = { id: riderId, first: day, last: day, days: 1 };
        runs.push(run);
      }
    }
  }
  return runs;
}
