import type { MonthlyCountRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { groupBy } from '../../util/group-by';
import { aggregateInRanges, localMonths, riderPeriods } from '../buckets';
import { type ResolvedFilter, riderNames } from '../filter';
import { sortRows } from '../format';

/**
 * F1: workouts per local month per rider, every month from the rider's first to
 * last month with a workout inside the filter (months without workouts as 0).
 * Each month is a range of the (rider, time) index (aggregateInRanges).
 */
export function monthlyCounts(db: Cache, f: ResolvedFilter): MonthlyCountRow[] {
  const months = riderPeriods(db, f, localMonths);
  const counts = new Map(
    aggregateInRanges<{ workouts: number }>(db, f, months, 'COUNT(*) AS workouts', []).map((c) => [
      c.range,
      c.workouts,
    ]),
  );
  const names = riderNames(f);
  const rows: MonthlyCountRow[] = [];
  const cells = months.map((m, i) => ({ ...m, workouts: counts.get(i) ?? 0 }));
  for (const [riderId, mine] of groupBy(cells, (c) => c.riderId)) {
    // A class type, length or instructor filter can leave a rider's first or last months empty.
    const first = mine.findIndex((c) => c.workouts > 0);
    const last = mine.findLastIndex((c) => c.workouts > 0);
    for (const c of first === -1 ? [] : mine.slice(first, last + 1)) {
      rows.push({ rider: names.get(riderId) ?? riderId, month: c.label, workouts: c.workouts });
    }
  }
  return sortRows(
    rows,
    (r) => r.rider,
    (r) => r.month,
  );
}
