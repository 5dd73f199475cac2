import type { Cache } from '../cache/open-cache';
import {
  DAY_SHIFT_DAYS,
  instantRange,
  type ResolvedFilter,
  type SqlParam,
  whereClause,
  workoutsSource,
} from './filter';
import { weekNumber } from './format';
import { localDayRanges, offsetAt, offsetSpans, startOfDay } from './time-zone';

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

/** Workouts of one rider in a UTC instant range, [start, end). */
export type RiderRange = { riderId: string; start: number; end: number };

/**
 * Each selected rider's local periods (`periods`: localMonths, localWeeks) from
 * their first to last workout inside the filter, as ranges cut to the filter's dates.
 */
export function riderPeriods<P extends { start: number; end: number }>(
  db: Cache,
  f: ResolvedFilter,
  periods: (tz: string, lo: number, hi: number) => P[],
): (P & RiderRange)[] {
  return riderSpans(db, f).flatMap(({ riderId, lo, hi }) =>
    periods(f.tz, lo, hi).map((p) => ({
      ...p,
      riderId,
      start: Math.max(p.start, f.fromSec ?? p.start),
      end: Math.min(p.end, f.toSec ?? p.end),
    })),
  );
}

/**
 * Aggregates workouts per range in one statement: the ranges go into a temporary
 * table in order and drive the join, each one a range of an index on (rider_id,
 * start_time, ...), so rows arrive range by range and SQLite groups them as they
 * come, with no sort (with `also`, a second grouping key such as the class length,
 * it sorts once). `columns` are aggregates over `w` of `reportColumns`, for the
 * workouts `where` selects (default: the filter's). Returns one row per range (and
 * `also` value) that holds any of them, with `range` its position in `ranges`.
 */
export function aggregateInRanges<T>(
  db: Cache,
  f: ResolvedFilter,
  ranges: RiderRange[],
  columns: string,
  reportColumns: string[],
  options: { where?: { sql: string; params: SqlParam[] }; also?: string } = {},
): (T & { range: number })[] {
  if (ranges.length === 0) return [];
  const where = options.where ?? whereClause(f);
  const source = workoutsSource(db, f, reportColumns);
  // Only an index on (rider_id, start_time, ...) serves the ranges; else the planner picks one.
  const from = source.byRiderAndTime ? source.from : 'workouts w';
  fillTempTable(
    db,
    'report_ranges',
    { rider_id: 'TEXT', lo: 'INTEGER', hi: 'INTEGER' },
    ranges.map((r) => [r.riderId, r.start, r.end]),
  );
  return db
    .prepare<SqlParam[], T & { range: number }>(
      `SELECT r.id AS range, ${columns}
         FROM temp.report_ranges r CROSS JOIN ${from}
           ON w.rider_id = r.rider_id AND w.start_time >= r.lo AND w.start_time < r.hi
        WHERE ${where.sql}
        GROUP BY r.id${options.also ? `, ${options.also}` : ''}`,
    )
    .all(...where.params);
}

/** The local days (shifted day numbers, see DAY_SHIFT_DAYS) of `tz` that overlap lo..hi, as instant ranges. */
export function localDays(tz: string, lo: number, hi: number): { day: number; start: number; end: number }[] {
  return localDayRanges(tz, lo, hi).map((d) => ({ ...d, day: d.day + DAY_SHIFT_DAYS }));
}

/**
 * The local ISO weeks (Monday to Monday) of `tz` that overlap lo..hi, by week
 * number (weekNumber's), as instant ranges: the days, joined by week.
 */
export function localWeeks(
  tz: string,
  lo: number,
  hi: number,
): { week: number; start: number; end: number }[] {
  const out: { week: number; start: number; end: number }[] = [];
  for (const d of localDays(tz, lo, hi)) {
    const week = weekNumber(d.day);
    const last = out[out.length - 1];
    if (last && last.week === week && last.end === d.start) last.end = d.end;
    else out.push({ week, start: d.start, end: d.end });
  }
  return out;
}

/**
 * Runs `select ... tail` (a GROUP BY or a DISTINCT) once per selected rider over
 * the stretches of the filter's instants in which the zone's offset stays the
 * same: the stretches go into a temporary table that drives the join to the
 * rider's range of the (rider, time) index, so local time is
 * `w.start_time + s.off`, with no per-row zone lookup, and each statement reads
 * and sorts one rider's workouts. Returns each rider's rows, by rider id.
 */
export function perRiderAndOffset<T>(
  db: Cache,
  f: ResolvedFilter,
  select: string,
  tail = '',
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  const range = instantRange(db, f);
  if (!range) return out;
  const spans = offsetSpans(f.tz, range.lo, range.hi + 1);
  fillTempTable(
    db,
    'offset_spans',
    { lo: 'INTEGER', hi: 'INTEGER', off: 'INTEGER' },
    spans.map((span, i) => [span.from, spans[i + 1]?.from ?? range.hi + 1, span.offset]),
  );
  const where = whereClause(f);
  const source = workoutsSource(db, f, []);
  const stmt = db.prepare<SqlParam[], T>(
    `${select} FROM temp.offset_spans s CROSS JOIN ${source.byRiderAndTime ? source.from : 'workouts w'}
       ON w.rider_id = ? AND w.start_time >= s.lo AND w.start_time < s.hi
      WHERE ${where.sql} ${tail}`,
  );
  for (const rider of f.riders) out.set(rider.id, stmt.all(rider.id, ...where.params));
  return out;
}

/**
 * Creates the temporary table `name` (an INTEGER PRIMARY KEY `id`, then `columns`,
 * each NOT NULL) on this connection if it is not there, and replaces its rows with
 * `rows`, the columns' values in order; ids number them from 0.
 */
function fillTempTable(
  db: Cache,
  name: string,
  columns: Record<string, 'INTEGER' | 'TEXT'>,
  rows: SqlParam[][],
): void {
  const names = Object.keys(columns);
  const defs = names.map((c) => `${c} ${columns[c]} NOT NULL`);
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${name} (id INTEGER PRIMARY KEY, ${defs.join(', ')})`);
  db.prepare(`DELETE FROM temp.${name}`).run();
  db.prepare(
    `INSERT INTO temp.${name} (id, ${names.join(', ')})
     SELECT key, ${names.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?)`,
  ).run(JSON.stringify(rows));
}
