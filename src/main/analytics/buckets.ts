import type { Cache } from '../cache/open-cache';
import { instantRange, localDaySql, localTime, type ResolvedFilter, type SqlParam } from './filter';
import { caseTree, offsetAt, wallToUtc } from './time-zone';

/** A local calendar month as a UTC instant range, [start, end). */
export type MonthRange = { label: string; start: number; end: number };

/** The local months of `tz` that overlap the instants lo..hi, in order. */
export function localMonths(tz: string, lo: number, hi: number): MonthRange[] {
  const wall = new Date((lo + offsetAt(tz, lo)) * 1000);
  const y = wall.getUTCFullYear();
  let m = wall.getUTCMonth();
  const out: MonthRange[] = [];
  let start = wallToUtc(Date.UTC(y, m, 1) / 1000, tz);
  while (start <= hi) {
    const end = wallToUtc(Date.UTC(y, m + 1, 1) / 1000, tz);
    out.push({ label: new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7), start, end });
    start = end;
    m += 1;
  }
  return out;
}

/**
 * Local calendar months as a SQL expression over `w.start_time`: the UTC
 * instants at which each month of the filter's zone begins become a balanced
 * CASE tree giving the month's index into `labels` (`YYYY-MM`). Cheaper per row
 * than strftime over a shifted time, and exact across DST changes.
 */
export function monthBuckets(db: Cache, f: ResolvedFilter): { sql: string; labels: string[] } {
  const range = instantRange(db, f);
  if (!range) return { sql: '0', labels: [] };
  const months = localMonths(f.tz, range.lo, range.hi);
  return {
    sql: caseTree(
      'w.start_time',
      months.map((m) => m.start),
      months.map((_, i) => i),
    ),
    labels: months.map((m) => m.label),
  };
}

/** The shifted local day number of `w` (see localDaySql) as SQL. */
export function localDay(db: Cache, f: ResolvedFilter): string {
  return localDaySql(localTime(db, f));
}

/**
 * Each selected rider's first and last workout inside the filter: two index
 * lookups per rider. Riders with nothing inside the filter are left out.
 */
export function riderSpans(db: Cache, f: ResolvedFilter): { riderId: string; lo: number; hi: number }[] {
  const range: string[] = [];
  const params: SqlParam[] = [];
  if (f.fromSec !== null) {
    range.push('AND start_time >= ?');
    params.push(f.fromSec);
  }
  if (f.toSec !== null) {
    range.push('AND start_time < ?');
    params.push(f.toSec);
  }
  const where = `rider_id = ? ${range.join(' ')}`;
  const stmt = db.prepare<SqlParam[], { lo: number | null; hi: number | null }>(
    `SELECT (SELECT MIN(start_time) FROM workouts WHERE ${where}) AS lo,
            (SELECT MAX(start_time) FROM workouts WHERE ${where}) AS hi`,
  );
  return f.riders.flatMap((r) => {
    const span = stmt.get(r.id, ...params, r.id, ...params);
    return span && span.lo !== null && span.hi !== null ? [{ riderId: r.id, lo: span.lo, hi: span.hi }] : [];
  });
}

/**
 * Counts workouts per (rider, instant range) by walking the rider index once
 * per range: no table rows are read and nothing is sorted. Ranges are
 * [start, end) in UTC epoch seconds.
 */
export function countInRanges(
  db: Cache,
  ranges: { riderId: string; start: number; end: number }[],
): number[] {
  if (ranges.length === 0) return [];
  const rows = db
    .prepare<[string], { n: number }>(
      `SELECT (SELECT COUNT(*) FROM workouts w
                WHERE w.rider_id = j.value ->> 0 AND w.start_time >= j.value ->> 1
                  AND w.start_time < j.value ->> 2) AS n
         FROM json_each(?) j ORDER BY j.key`,
    )
    .all(JSON.stringify(ranges.map((r) => [r.riderId, r.start, r.end])));
  return rows.map((row) => row.n);
}
