import type { WorkoutRow, WorkoutsPage, WorkoutsQuery, workoutSortKeys } from '../../shared/reports';
import type { Cache } from '../cache/open-cache';
import { UserError } from '../errors';
import {
  INSTRUCTOR_LABEL_SQL,
  type ResolvedFilter,
  resolveFilter,
  type SqlParam,
  whereClause,
} from './filter';
import { isoInstant } from './format';
import { offsetAt } from './time-zone';

type WorkoutSortKey = (typeof workoutSortKeys)[number];

export const DEFAULT_PAGE_SIZE = 100;

/** The ORDER BY expression of each sort key: the only SQL a query's sort can choose. */
const SORT_SQL: Record<WorkoutSortKey, string> = {
  start: 'w.start_time',
  rider: 'r.name COLLATE NOCASE',
  title: 'w.title COLLATE NOCASE',
  instructor: `${INSTRUCTOR_LABEL_SQL} COLLATE NOCASE`,
  classType: 'w.class_type',
  lengthMin: 'w.length_min',
  outputKj: 'w.output_kj',
};

/** Fields of metrics_json the table shows, and whether each holds a number or a string. */
const METRICS = {
  avgWatts: 'number',
  avgCadenceRpm: 'number',
  avgResistancePct: 'number',
  avgHeartRate: 'number',
  calories: 'number',
  distance: 'number',
  distanceUnit: 'string',
  avgSpeed: 'number',
  speedUnit: 'string',
} as const;

type MetricName = keyof typeof METRICS;
type Metrics = { [K in MetricName]: (typeof METRICS)[K] extends 'number' ? number | null : string | null };

// A malformed metrics_json reads as no metrics instead of failing the page.
const metricsSql = Object.keys(METRICS)
  .map(
    (name) =>
      `json_extract(CASE WHEN json_valid(w.metrics_json) THEN w.metrics_json END, '$.${name}') AS ${name}`,
  )
  .join(',\n       ');

type Row = Omit<WorkoutRow, 'localStart' | 'start' | MetricName> & { start: number } & Record<
    MetricName,
    unknown
  >;

/**
 * The Workouts table: the workouts a report filter selects (the reports' own
 * WHERE clause), sorted by a whitelisted key with ties broken by id (in the same
 * direction, so reversing the sort reverses the list), one page at a time.
 * Default: newest first, 100 a page. `total` counts every workout the filter
 * selects. The page is found on rowids alone (for the default sort, a walk down
 * the time index that stops after the page), then only its rows are read.
 */
export function listWorkouts(db: Cache, query: WorkoutsQuery, defaultTz: string): WorkoutsPage {
  const f = resolveFilter(db, query.filter ?? {}, defaultTz);
  const sort = query.sort ?? { by: 'start', dir: 'desc' };
  const by = sort.by;
  // The contract's schema allows only these keys; this keeps a direct caller to them too.
  if (!Object.hasOwn(SORT_SQL, by)) throw new UserError(`Cannot sort workouts by "${by}".`, 'bad_input');
  const dir = sort.dir === 'desc' ? 'DESC' : 'ASC';
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;

  // One read transaction: the total and the page come from the same snapshot.
  return db.transaction(() => page(db, f, by, dir, offset, limit))();
}

function page(
  db: Cache,
  f: ResolvedFilter,
  by: WorkoutSortKey,
  dir: 'ASC' | 'DESC',
  offset: number,
  limit: number,
): WorkoutsPage {
  const where = whereClause(f);
  const total =
    db
      .prepare<SqlParam[], number>(`SELECT COUNT(*) FROM workouts w WHERE ${where.sql}`)
      .pluck()
      .get(...where.params) ?? 0;
  if (total === 0 || offset >= total) return { total, rows: [] };

  const pageWhere =
    by === 'start' && walkTimeIndex(db, f, total, offset + limit)
      ? whereClause(f, { riderIndex: false })
      : where;
  const join = by === 'rider' ? 'JOIN riders r ON r.id = w.rider_id' : '';
  const rowids = db
    .prepare<SqlParam[], number>(
      `SELECT w.rowid FROM workouts w ${join} WHERE ${pageWhere.sql}
        ORDER BY ${SORT_SQL[by]} ${dir}, w.id ${dir} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...pageWhere.params, limit, offset);

  const rows = db
    .prepare<[string], Row>(
      `SELECT w.id, r.name AS rider, w.rider_id AS riderId, w.start_time AS start, w.title,
              ${INSTRUCTOR_LABEL_SQL} AS instructor, w.class_type AS classType,
              w.length_min AS lengthMin, w.output_kj AS outputKj, w.status,
              ${metricsSql}
         FROM json_each(?) p
         CROSS JOIN workouts w ON w.rowid = p.value
         JOIN riders r ON r.id = w.rider_id
        ORDER BY p.key`,
    )
    .all(JSON.stringify(rowids));
  return { total, rows: rows.map((row) => workoutRow(row, f.tz)) };
}

/**
 * With several (not all) riders selected, SQLite reads every row of theirs
 * through the rider index and sorts them all; walking the time index and
 * skipping other riders' rows stops after the page. Walk when the rows walked,
 * about `needed` × all / matching, are fewer than the rows the rider index reads.
 */
function walkTimeIndex(db: Cache, f: ResolvedFilter, matching: number, needed: number): boolean {
  if (f.allRiders || f.riders.length < 2) return false;
  const all = db.prepare<[], number>('SELECT COUNT(*) FROM workouts').pluck().get() ?? 0;
  return needed * all < matching * matching;
}

function workoutRow(row: Row, tz: string): WorkoutRow {
  const metric = <K extends MetricName>(name: K): Metrics[K] =>
    (typeof row[name] === METRICS[name] ? row[name] : null) as Metrics[K];
  return {
    id: row.id,
    rider: row.rider,
    riderId: row.riderId,
    start: isoInstant(row.start),
    localStart: new Date((row.start + offsetAt(tz, row.start)) * 1000)
      .toISOString()
      .slice(0, 16)
      .replace('T', ' '),
    title: row.title,
    instructor: row.instructor,
    classType: row.classType,
    lengthMin: row.lengthMin,
    outputKj: row.outputKj,
    status: row.status,
    avgWatts: metric('avgWatts'),
    avgCadenceRpm: metric('avgCadenceRpm'),
    avgResistancePct: metric('avgResistancePct'),
    avgHeartRate: metric('avgHeartRate'),
    calories: metric('calories'),
    distance: metric('distance'),
    distanceUnit: metric('distanceUnit'),
    avgSpeed: metric('avgSpeed'),
    speedUnit: metric('speedUnit'),
  };
}
