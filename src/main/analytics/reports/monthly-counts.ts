import type { MonthlyCountRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { countInRanges, localMonths, riderSpans } from '../buckets';
import { type ResolvedFilter, riderNames } from '../filter';
import { sortRows } from '../format';

/**
 * F1: workouts per local month per rider, all class types, every month from the
 * rider's first to last inside the filter (months without workouts as 0). Each
 * month is a range of the rider index, counted without reading the table.
 */
export function monthlyCounts(db: Cache, f: ResolvedFilter): MonthlyCountRow[] {
  const names = riderNames(f);
  const cells = riderSpans(db, f).flatMap(({ riderId, lo, hi }) =>
    localMonths(f.tz, lo, hi).map((m) => ({
      riderId,
      month: m.label,
      start: Math.max(m.start, f.fromSec ?? m.start),
      end: Math.min(m.end, f.toSec ?? m.end),
    })),
  );
  const counts = countInRanges(db, cells);
  const rows = cells.map((cell, i) => ({
    rider: names.get(cell.riderId) ?? cell.riderId,
    month: cell.month,
    workouts: counts[i] ?? 0,
  }));
  return sortRows(
    rows,
    (r) => r.rider,
    (r) => r.month,
  );
}
