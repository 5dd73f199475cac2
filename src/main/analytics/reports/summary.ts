import type { SummaryRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { lengthOrderedSource, type ResolvedFilter, riderNames, type SqlParam, whereClause } from '../filter';
import { isoInstant, sortRows } from '../format';

/** Totals per rider: workouts, minutes (sum of class lengths), kJ, first and last workout. */
export function summary(db: Cache, f: ResolvedFilter): SummaryRow[] {
  const { sql, params } = whereClause(f);
  const names = riderNames(f);
  const rows = db
    .prepare<
      SqlParam[],
      { id: string; workouts: number; minutes: number; outputKj: number; first: number; last: number }
    >(
      `SELECT w.rider_id AS id, COUNT(*) AS workouts, SUM(w.length_min) AS minutes,
              SUM(w.output_kj) AS outputKj, MIN(w.start_time) AS first, MAX(w.start_time) AS last
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
      firstWorkout: isoInstant(row.first),
      lastWorkout: isoInstant(row.last),
    }));
  return sortRows(rows, (r) => r.rider);
}
