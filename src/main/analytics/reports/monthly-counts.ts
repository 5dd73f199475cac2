import type { MonthlyCountRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { groupBy } from '../../util/group-by';
import { countInRanges, localMonths, monthBuckets, riderSpans } from '../buckets';
import {
  hasRowFilter,
  type ResolvedFilter,
  riderNames,
  type SqlParam,
  whereClause,
  workoutsSource,
} from '../filter';
import { sortRows } from '../format';

/**
 * F1: workouts per local month per rider, all class types, every month from the
 * rider's first to last inside the filter (months without workouts as 0). Each
 * month is a range of the rider index, counted without reading the table.
 */
export function monthlyCounts(db: Cache, f: ResolvedFilter): MonthlyCountRow[] {
  const rows = hasRowFilter(f) ? filteredCounts(db, f) : indexCounts(db, f);
  return sortRows(
    rows,
    (r) => r.rider,
    (r) => r.month,
  );
}

function indexCounts(db: Cache, f: ResolvedFilter): MonthlyCountRow[] {
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
  return cells.map((cell, i) => ({
    rider: names.get(cell.riderId) ?? cell.riderId,
    month: cell.month,
    workouts: counts[i] ?? 0,
  }));
}

/**
 * With a class type, length or instructor filter the rows must be read anyway:
 * one GROUP BY over the filtered rows, then each rider's months from their first
 * to last filtered month, gaps as 0.
 */
function filteredCounts(db: Cache, f: ResolvedFilter): MonthlyCountRow[] {
  const { sql, params } = whereClause(f);
  const months = monthBuckets(db, f);
  const names = riderNames(f);
  const cells = db
    .prepare<SqlParam[], { id: string; month: number; workouts: number }>(
      `SELECT w.rider_id AS id, ${months.sql} AS month, COUNT(*) AS workouts
         FROM ${workoutsSource(db, f, []).from} WHERE ${sql}
        GROUP BY w.rider_id, month`,
    )
    .all(...params);
  return [...groupBy(cells, (c) => c.id)].flatMap(([id, mine]) => {
    const byMonth = new Map(mine.map((c) => [c.month, c.workouts]));
    const first = Math.min(...byMonth.keys());
    const last = Math.max(...byMonth.keys());
    return Array.from({ length: last - first + 1 }, (_, i) => ({
      rider: names.get(id) ?? id,
      month: months.labels[first + i] ?? '',
      workouts: byMonth.get(first + i) ?? 0,
    }));
  });
}
