import type { WeeklyRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { groupBy } from '../../util/group-by';
import { aggregateInRanges, localWeeks, riderPeriods } from '../buckets';
import type { ResolvedFilter } from '../filter';
import { isoWeekLabel, sortRows } from '../format';

type Cell = { riderId: string; week: number; workouts: number; minutes: number; outputKj: number };

/**
 * Workouts, minutes and kJ per ISO week (`YYYY-Www`, ISO week-year) per rider,
 * every week from the rider's first to last week in the filter, empty weeks as 0.
 */
export function weekly(db: Cache, f: ResolvedFilter): WeeklyRow[] {
  const names = new Map(f.riders.map((r) => [r.id, r.name]));
  const out: WeeklyRow[] = [];
  for (const [riderId, cells] of groupBy(weeklyCells(db, f), (c) => c.riderId)) {
    const rider = names.get(riderId) ?? riderId;
    const byWeek = new Map(cells.map((c) => [c.week, c]));
    const weeks = [...byWeek.keys()];
    const last = Math.max(...weeks);
    for (let n = Math.min(...weeks); n <= last; n++) {
      const c = byWeek.get(n);
      out.push({
        rider,
        week: isoWeekLabel(n),
        workouts: c?.workouts ?? 0,
        minutes: c?.minutes ?? 0,
        outputKj: c?.outputKj ?? 0,
      });
    }
  }
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.week,
  );
}

/**
 * The (rider, week number) cells with workouts: each rider's local weeks inside
 * the filter become instant ranges, aggregated in one pass without a sort.
 */
function weeklyCells(db: Cache, f: ResolvedFilter): Cell[] {
  const weeks = riderPeriods(db, f, localWeeks);
  const sums = aggregateInRanges<Omit<Cell, 'riderId' | 'week'>>(
    db,
    f,
    weeks,
    'COUNT(*) AS workouts, SUM(w.length_min) AS minutes, SUM(w.output_kj) AS outputKj',
    ['length_min', 'output_kj'],
  );
  return sums.map(({ range, ...cell }) => {
    const week = weeks[range] as (typeof weeks)[number];
    return { riderId: week.riderId, week: week.week, ...cell };
  });
}
