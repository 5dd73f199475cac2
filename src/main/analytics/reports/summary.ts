import type { SummaryRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { riderSpans } from '../buckets';
import {
  hasRowFilter,
  lengthOrderedSource,
  type ResolvedFilter,
  riderNames,
  type SqlParam,
  whereClause,
} from '../filter';
import { isoInstant, sortRows } from '../format';

type Totals = {
  id: string;
  workouts: number;
  minutes: number;
  outputKj: number;
  first: number;
  last: number;
};

/**
 * Totals per rider: workouts, minutes (sum of class lengths), kJ, first and last
 * workout. Without a class type, length or instructor filter, each rider's first
 * and last workout are two lookups in the (rider, time) index rather than a
 * comparison per row.
 */
export function summary(db: Cache, f: ResolvedFilter): SummaryRow[] {
  const { sql, params } = whereClause(f);
  const names = riderNames(f);
  const spans = hasRowFilter(f) ? null : new Map(riderSpans(db, f).map((s) => [s.riderId, s]));
  const firstAndLast = spans ? '' : ', MIN(w.start_time) AS first, MAX(w.start_time) AS last';
  const rows = db
    .prepare<SqlParam[], Totals>(
      `SELECT w.rider_id AS id, COUNT(*) AS workouts, SUM(w.length_min) AS minutes,
              SUM(w.output_kj) AS outputKj${firstAndLast}
         FROM ${lengthOrderedSource(db, f, ['output_kj']).from}
        WHERE ${sql}
        GROUP BY w.rider_id`,
    )
    .all(...params)
    .map((row) => ({
      rider: names.get(row.id) ?? row.id,
      workouts: row.workouts,
      minutes: row.minutes,
      outputKj: row.outputKj,
      firstWorkout: isoInstant(spans?.get(row.id)?.lo ?? row.first),
      lastWorkout: isoInstant(spans?.get(row.id)?.hi ?? row.last),
    }));
  return sortRows(rows, (r) => r.rider);
}
