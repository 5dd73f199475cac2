import { DEFAULT_RIDE_SUBSET, type ReportFilter, type RideSubset } from '../../shared/reports';
import type { Cache } from '../cache/open-cache';
import { UserError } from '../errors';
import { startOfDay } from './time-zone';

export type RiderRef = { id: string; name: string };

/** A report filter resolved against the cache: rider ids, an instant range, and a zone. */
export type ResolvedFilter = {
  riders: RiderRef[];
  /** True when every rider in the cache is selected, so no rider predicate is needed. */
  allRiders: boolean;
  /** How many riders the cache holds. */
  totalRiders: number;
  /** Inclusive lower bound, UTC epoch seconds (null: from the first workout). */
  fromSec: number | null;
  /** Exclusive upper bound, UTC epoch seconds (null: to the last workout). */
  toSec: number | null;
  tz: string;
  /** The last local day the filter covers (`--to`), used for "current" streaks. */
  toDay: string | null;
  /** Only these class types, class lengths, instructor labels (null: all). */
  classTypes: string[] | null;
  lengths: number[] | null;
  instructors: string[] | null;
  /** The ride subset (F5) when edited; null for the notebook's (RIDE_SUBSET_SQL). */
  ride: Required<RideSubset> | null;
};

export function resolveFilter(db: Cache, filter: ReportFilter, defaultTz: string): ResolvedFilter {
  const all = db.prepare<[], RiderRef>('SELECT id, name FROM riders ORDER BY name').all();
  const tz = filter.tz ?? defaultTz;
  let riders = all;
  if (filter.riders?.length) {
    const picked = new Map<string, RiderRef>();
    for (const wanted of filter.riders) {
      const w = wanted.toLowerCase();
      const found = all.find((r) => r.id.toLowerCase() === w || r.name.toLowerCase() === w);
      if (!found) {
        const known = all.length ? all.map((r) => r.name).join(', ') : 'none yet';
        throw new UserError(`Unknown rider "${wanted}". Riders: ${known}.`, 'not_found');
      }
      picked.set(found.id, found);
    }
    riders = [...picked.values()];
  }
  const nextDay = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
  return {
    riders,
    allRiders: riders.length === all.length,
    totalRiders: all.length,
    fromSec: filter.from ? startOfDay(filter.from, tz) : null,
    toSec: filter.to ? startOfDay(nextDay(filter.to), tz) : null,
    tz,
    toDay: filter.to ?? null,
    classTypes: valueList(filter.classTypes),
    lengths: valueList(filter.lengths),
    instructors: valueList(filter.instructors),
    ride: resolveRide(filter.ride),
  };
}

/** A list filter's distinct values; an absent or empty list selects everything (as for riders). */
function valueList<T extends string | number>(values: T[] | undefined): T[] | null {
  return values?.length ? [...new Set(values)] : null;
}

/** An edited ride subset over the defaults, or null when it is the notebook's own. */
function resolveRide(ride: RideSubset | undefined): Required<RideSubset> | null {
  if (!ride) return null;
  const classTypes = [...new Set(ride.classTypes ?? DEFAULT_RIDE_SUBSET.classTypes)].sort();
  const resolved = {
    classTypes,
    minOutputKj: ride.minOutputKj ?? DEFAULT_RIDE_SUBSET.minOutputKj,
    minLengthMin: ride.minLengthMin ?? DEFAULT_RIDE_SUBSET.minLengthMin,
  };
  const isDefault =
    resolved.minOutputKj === DEFAULT_RIDE_SUBSET.minOutputKj &&
    resolved.minLengthMin === DEFAULT_RIDE_SUBSET.minLengthMin &&
    classTypes.join('\u0000') === [...DEFAULT_RIDE_SUBSET.classTypes].sort().join('\u0000');
  return isDefault ? null : resolved;
}

/** True when the filter selects by class type, length or instructor (more than riders and dates). */
export function hasRowFilter(f: ResolvedFilter): boolean {
  return f.classTypes !== null || f.lengths !== null || f.instructors !== null;
}

/** The columns of `workouts` (besides rider_id and start_time) that the filter's WHERE clause reads. */
export function filterColumns(f: ResolvedFilter): string[] {
  const columns = new Set<string>();
  if (f.classTypes) columns.add('class_type');
  if (f.lengths) columns.add('length_min');
  if (f.instructors) for (const c of INSTRUCTOR_LABEL_COLUMNS) columns.add(c);
  return [...columns];
}

export type SqlParam = string | number;

/**
 * The WHERE clause (over table alias `w`) and its parameters for a resolved
 * filter. `riderIndex: false` keeps SQLite from using the rider index for the
 * rider predicate (when walking the time index in order pays more).
 */
export function whereClause(
  f: ResolvedFilter,
  options: { riderIndex?: boolean } = {},
): { sql: string; params: SqlParam[] } {
  const parts: string[] = [];
  const params: SqlParam[] = [];
  // With every rider selected the predicate is always true: leaving it out lets
  // SQLite scan the table instead of probing the rider index once per row.
  if (!f.allRiders) {
    const column = options.riderIndex === false ? '+w.rider_id' : 'w.rider_id';
    parts.push(`${column} IN (${f.riders.map(() => '?').join(',') || 'NULL'})`);
    params.push(...f.riders.map((r) => r.id));
  }
  if (f.fromSec !== null) {
    parts.push('w.start_time >= ?');
    params.push(f.fromSec);
  }
  if (f.toSec !== null) {
    parts.push('w.start_time < ?');
    params.push(f.toSec);
  }
  // Values are always bound; a value the cache does not hold simply matches nothing.
  if (f.classTypes) {
    parts.push(`w.class_type IN (${placeholders(f.classTypes)})`);
    params.push(...f.classTypes);
  }
  if (f.lengths) {
    parts.push(`w.length_min IN (${placeholders(f.lengths)})`);
    params.push(...f.lengths);
  }
  if (f.instructors) {
    parts.push(`${INSTRUCTOR_LABEL_SQL} IN (${placeholders(f.instructors)})`);
    params.push(...f.instructors);
  }
  return { sql: parts.join(' AND ') || '1', params };
}

const placeholders = (values: unknown[]) => values.map(() => '?').join(',');

/**
 * The WHERE clause of a ride-subset report: the filter's, and the ride subset's
 * (the notebook's constant when it is not edited, so default SQL is unchanged).
 */
export function rideWhereClause(f: ResolvedFilter): { sql: string; params: SqlParam[] } {
  const where = whereClause(f);
  const ride = rideSubsetSql(f);
  return { sql: `${where.sql} AND ${ride.sql}`, params: [...where.params, ...ride.params] };
}

/**
 * The ride subset (F5) as SQL over `w`: the notebook's constant, or the edited
 * one with bound values. A ride exceeds each minimum; a minimum of 0 is no
 * minimum at all, so it also keeps rides recorded with 0 kJ or 0 minutes (a
 * scenic ride by distance has no class length): minLengthMin 0 gives the
 * notebook's rides before its length filter.
 */
export function rideSubsetSql(f: ResolvedFilter): { sql: string; params: SqlParam[] } {
  if (!f.ride) return { sql: RIDE_SUBSET_SQL, params: [] };
  const { classTypes, minOutputKj, minLengthMin } = f.ride;
  const parts = [`w.class_type IN (${placeholders(classTypes)})`];
  const params: SqlParam[] = [...classTypes];
  if (minOutputKj > 0) {
    parts.push('w.output_kj > ?');
    params.push(minOutputKj);
  }
  if (minLengthMin > 0) {
    parts.push('w.length_min > ?');
    params.push(minLengthMin);
  }
  return { sql: parts.join(' AND '), params };
}

/**
 * A workout's instructor as reports label it, or what it is when it has none:
 * Lanebreak, Scenic, Just Ride, else No instructor. Seed rows carry no ride
 * kind, so a `lanebreak` class type also counts as Lanebreak. The one
 * definition: the instructors report, the filter and the workouts table use it.
 */
export const INSTRUCTOR_LABEL_SQL = `COALESCE(NULLIF(w.instructor, ''), CASE
    WHEN w.ride_kind = 'lanebreak' OR w.class_type = 'lanebreak' THEN 'Lanebreak'
    WHEN w.ride_kind = 'scenic' THEN 'Scenic'
    WHEN w.ride_kind = 'just_ride' THEN 'Just Ride'
    ELSE 'No instructor' END)`;

/** The columns INSTRUCTOR_LABEL_SQL reads. */
export const INSTRUCTOR_LABEL_COLUMNS = ['instructor', 'ride_kind', 'class_type'];

/** Where a report reads its workouts from: the FROM clause, and whether rows arrive by rider and time. */
export type WorkoutsSource = { from: string; byRiderAndTime: boolean };

/**
 * The FROM clause for a query that reads `reportColumns` of `workouts` (besides
 * rider_id, start_time and what the filter's WHERE clause reads). SQLite would rather walk an index (the rider's, to
 * save a sort, or the time index for a date range) and fetch each row by rowid,
 * which costs several times more per row than reading the table in order. So
 * when the filter selects more than a fifth of the workouts (estimated from the
 * share of riders and of the cache's time span), the query reads an index on
 * (rider_id, start_time, ...) that holds every column it needs if the cache has
 * one (rows then come by rider and time, and nothing else is read), and scans
 * the table otherwise. Narrower filters are left to the planner. (Class type,
 * length and instructor filters are not counted in the estimate: no index
 * serves them, so their rows are read anyway.)
 */
export function workoutsSource(db: Cache, f: ResolvedFilter, reportColumns: string[]): WorkoutsSource {
  if (!isBroad(db, f)) return { from: 'workouts w', byRiderAndTime: false };
  const index = coveringIndex(db, ['rider_id', 'start_time'], [...reportColumns, ...filterColumns(f)]);
  return index
    ? { from: `workouts w INDEXED BY ${index}`, byRiderAndTime: true }
    : { from: 'workouts w NOT INDEXED', byRiderAndTime: false };
}

/** The columns of the length-ordered index, in its order (migration 5). */
export const LENGTH_ORDER = ['rider_id', 'length_min', 'class_type', 'instructor', 'ride_kind'] as const;

/**
 * Like workoutsSource, for a query that groups by a prefix of LENGTH_ORDER: over
 * most of the cache it reads an index in that order holding every column it needs,
 * so SQLite groups rows as they come instead of sorting them first (`byLength`).
 * Narrower filters, or a cache without such an index, fall back to workoutsSource.
 */
export function lengthOrderedSource(
  db: Cache,
  f: ResolvedFilter,
  reportColumns: string[],
): { from: string; byLength: boolean } {
  const index = isBroad(db, f)
    ? coveringIndex(db, [...LENGTH_ORDER], ['start_time', ...reportColumns, ...filterColumns(f)])
    : null;
  return index
    ? { from: `workouts w INDEXED BY ${index}`, byLength: true }
    : { from: workoutsSource(db, f, reportColumns).from, byLength: false };
}

/** True when the filter selects more than a fifth of the cache (see workoutsSource). */
function isBroad(db: Cache, f: ResolvedFilter): boolean {
  let share = f.totalRiders === 0 ? 1 : f.riders.length / f.totalRiders;
  if (f.fromSec !== null || f.toSec !== null) {
    const all = cacheSpan(db);
    const range = instantRange(db, f);
    if (!all || !range || all.hi <= all.lo) return false;
    share *= (range.hi - range.lo) / (all.hi - all.lo);
  }
  return share > 0.2;
}

/** An index on workouts starting with `prefix` and holding every one of `columns`, if the cache has one. */
function coveringIndex(db: Cache, prefix: string[], columns: string[]): string | null {
  const found = indexColumns(db).find(
    ([, held]) => prefix.every((c, i) => held[i] === c) && columns.every((c) => held.includes(c)),
  );
  return found ? found[0] : null;
}

/** Each index on workouts (its name quoted for SQL, by name) and its columns in order. */
function indexColumns(db: Cache): [string, string[]][] {
  const names = db
    .prepare<[], string>("SELECT name FROM pragma_index_list('workouts') ORDER BY name")
    .pluck()
    .all();
  const columns = db
    .prepare<[string], string>('SELECT name FROM pragma_index_info(?) ORDER BY seqno')
    .pluck();
  return names.map((name) => [`"${name.replaceAll('"', '""')}"`, columns.all(name)]);
}

/** The first and last workout's start in the whole cache: two index lookups. */
export function cacheSpan(db: Cache): { lo: number; hi: number } | null {
  const span = db
    .prepare<[], { lo: number | null; hi: number | null }>(
      'SELECT (SELECT MIN(start_time) FROM workouts) AS lo, (SELECT MAX(start_time) FROM workouts) AS hi',
    )
    .get();
  return span && span.lo !== null && span.hi !== null ? { lo: span.lo, hi: span.hi } : null;
}

/**
 * The notebook's ride subset (F5): cycling or Lanebreak, more than 1 kJ, longer
 * than 10 minutes (DEFAULT_RIDE_SUBSET); an edited one is rideSubsetSql's.
 */
export const RIDE_SUBSET_SQL = `w.class_type IN ('cycling', 'lanebreak') AND w.output_kj > 1 AND w.length_min > 10`;

/** The columns the ride subset and its outputs need. */
export const RIDE_COLUMNS = ['class_type', 'length_min', 'output_kj'];

/** Rider id → display name for the riders a filter selects. */
export function riderNames(f: ResolvedFilter): Map<string, string> {
  return new Map(f.riders.map((r) => [r.id, r.name]));
}

/**
 * The instants the filter can select, bounded by the cache's first and last
 * workout (two index lookups): null when nothing can match.
 */
export function instantRange(db: Cache, f: ResolvedFilter): { lo: number; hi: number } | null {
  const range = f.riders.length === 0 ? null : cacheSpan(db);
  if (!range) return null;
  const lo = Math.max(range.lo, f.fromSec ?? range.lo);
  const hi = Math.min(range.hi, f.toSec === null ? range.hi : f.toSec - 1);
  return lo <= hi ? { lo, hi } : null;
}

/**
 * Local days as integers: in SQL `(local + DAY_SHIFT_DAYS * 86400) / 86400`, a day
 * number that stays positive (so integer division floors) and keeps weekdays
 * (the shift is a whole number of weeks) and 400-year cycles.
 */
export const DAY_SHIFT_DAYS = 146097 * 10;

/** A shifted day number (see DAY_SHIFT_DAYS) as `YYYY-MM-DD`. */
export function dayLabel(shiftedDay: number): string {
  return new Date((shiftedDay - DAY_SHIFT_DAYS) * 86400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` as a shifted day number. */
export function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86400_000 + DAY_SHIFT_DAYS;
}
