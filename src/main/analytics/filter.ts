import type { ReportFilter } from '../../shared/reports';
import type { Cache } from '../cache/open-cache';
import { UserError } from '../errors';
import { localTimeSql, startOfDay } from './time-zone';

export type RiderRef = { id: string; name: string };

/** A report filter resolved against the cache: rider ids, an instant range, and a zone. */
export type ResolvedFilter = {
  riders: RiderRef[];
  /** Inclusive lower bound, UTC epoch seconds (null: from the first workout). */
  fromSec: number | null;
  /** Exclusive upper bound, UTC epoch seconds (null: to the last workout). */
  toSec: number | null;
  tz: string;
  /** The last local day the filter covers (`--to`), used for "current" streaks. */
  toDay: string | null;
};

export function resolveFilter(db: Cache, filter: ReportFilter, defaultTz: string): ResolvedFilter {
  const all = db.prepare<[], RiderRef>('SELECT id, name FROM riders ORDER BY name').all();
  const tz = filter.tz ?? defaultTz;
  let riders = all;
  if (filter.riders?.length) {
    riders = filter.riders.map((wanted) => {
      const w = wanted.toLowerCase();
      const found = all.find((r) => r.id.toLowerCase() === w || r.name.toLowerCase() === w);
      if (!found) {
        const known = all.length ? all.map((r) => r.name).join(', ') : 'none yet';
        throw new UserError(`Unknown rider "${wanted}". Riders: ${known}.`, 'not_found');
      }
      return found;
    });
  }
  const nextDay = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
  return {
    riders,
    fromSec: filter.from ? startOfDay(filter.from, tz) : null,
    toSec: filter.to ? startOfDay(nextDay(filter.to), tz) : null,
    tz,
    toDay: filter.to ?? null,
  };
}

/** The WHERE clause (over table alias `w`) and its parameters for a resolved filter. */
export function whereClause(f: ResolvedFilter): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  parts.push(`w.rider_id IN (${f.riders.map(() => '?').join(',') || 'NULL'})`);
  params.push(...f.riders.map((r) => r.id));
  if (f.fromSec !== null) {
    parts.push('w.start_time >= ?');
    params.push(f.fromSec);
  }
  if (f.toSec !== null) {
    parts.push('w.start_time < ?');
    params.push(f.toSec);
  }
  return { sql: parts.join(' AND '), params };
}

/** The notebook's ride subset (F5): cycling or Lanebreak, more than 1 kJ, longer than 10 minutes. */
export const RIDE_SUBSET_SQL = `w.class_type IN ('cycling', 'lanebreak') AND w.output_kj > 1 AND w.length_min > 10`;

/** The SQL expression of a workout's wall-clock time in the filter's zone, for the rows it selects. */
export function localTime(db: Cache, f: ResolvedFilter): string {
  const { sql, params } = whereClause(f);
  const range = db
    .prepare<(string | number)[], { lo: number | null; hi: number | null }>(
      `SELECT MIN(w.start_time) AS lo, MAX(w.start_time) AS hi FROM workouts w WHERE ${sql}`,
    )
    .get(...params);
  if (!range || range.lo === null || range.hi === null) return 'w.start_time';
  return localTimeSql('w.start_time', f.tz, range.lo, range.hi + 1);
}
