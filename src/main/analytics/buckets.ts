import type { Cache } from '../cache/open-cache';
import {
  DAY_SHIFT_DAYS,
  instantRange,
  localDaySql,
  localTime,
  type ResolvedFilter,
  type SqlParam,
} from './filter';
import { caseTree, localDayRanges, offsetAt, startOfDay } from './time-zone';

/** A local calendar month as a UTC instant range, [start, end). */
export type MonthRange = { label: string; start: number; end: number };

/** The local months of `tz` that overlap the instants lo..hi, in order. */
export function localMonths(tz: string, lo: number, hi: number): MonthRange[] {
  const wall = new Date((lo + offsetAt(tz, lo)) * 1000);
  const y = wall.getUTCFullYear();
  let m = wall.getUTCMonth();
  const out: MonthRange[] = [];
  const monthStart = (month: number) =>
    startOfDay(new Date(Date.UTC(y, month, 1)).toISOString().slice(0, 10), tz);
  let start = monthStart(m);
  while (start <= hi) {
    const end = monthStart(m + 1);
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

/** Workouts of one rider in a UTC instant range, [start, end). */
export type RiderRange = { riderId: string; start: number; end: number };

/**
 * Aggregates workouts per range in one statement, without sorting: the ranges go
 * into a temporary table in order and drive the join, each one a range of an index
 * on (rider_id, start_time, ...), so rows arrive range by range and SQLite groups
 * them as they come. `columns` are aggregates over `w`; `from` should name such an
 * index (workoutsSource). Returns one row per range that holds any workout, with
 * `range` its position in `ranges`.
 */
export function aggregateInRanges<T>(
  db: Cache,
  ranges: RiderRange[],
  from: string,
  columns: string,
  where: { sql: string; params: SqlParam[] },
): (T & { range: number })[] {
  if (ranges.length === 0) return [];
  db.exec(
    `CREATE TEMP TABLE IF NOT EXISTS report_ranges
       (id INTEGER PRIMARY KEY, rider_id TEXT NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL)`,
  );
  db.prepare('DELETE FROM temp.report_ranges').run();
  db.prepare(
    `INSERT INTO temp.report_ranges (id, rider_id, lo, hi)
     SELECT key, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`,
  ).run(JSON.stringify(ranges.map((r) => [r.riderId, r.start, r.end])));
  return db
    .prepare<SqlParam[], T & { range: number }>(
      `SELECT r.id AS range, ${columns}
         FROM temp.report_ranges r CROSS JOIN ${from}
           ON w.rider_id = r.rider_id AND w.start_time >= r.lo AND w.start_time < r.hi
        WHERE ${where.sql}
        GROUP BY r.id`,
    )
    .all(...where.params);
}

/** The local days (shifted day numbers, see localDaySql) of `tz` that overlap lo..hi, as instant ranges. */
export function localDays(tz: string, lo: number, hi: number): { day: number; start: number; end: number }[] {
  return localDayRanges(tz, lo, hi).map((d) => ({ ...d, day: d.day + DAY_SHIFT_DAYS }));
}

/**
 * The local ISO weeks (Monday to Monday) of `tz` that overlap lo..hi, by week
 * number (weekNumberSql's), as instant ranges: the days, joined by week.
 */
export function localWeeks(
  tz: string,
  lo: number,
  hi: number,
): { week: number; start: number; end: number }[] {
  const out: { week: number; start: number; end: number }[] = [];
  for (const d of localDays(tz, lo, hi)) {
    const week = Math.floor((d.day + 3) / 7);
    const last = out[out.length - 1];
    if (last && last.week === week && last.end === d.start) last.end = d.end;
    else out.push({ week, start: d.start, end: d.end });
  }
  return out;
}
