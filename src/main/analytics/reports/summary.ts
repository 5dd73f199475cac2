import type { SummaryRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { type ResolvedFilter, whereClause } from '../filter';
import { isoInstant } from '../format';

/** Totals per rider: workouts, minutes (sum of class lengths), kJ, first and last workout. */
export function summary(db: Cache, f: ResolvedFilter): SummaryRow[] {
  const { sql, params } = whereClause(f);
  return db
    .prepare<
      (string | number)[],
      { rider: string; workouts: number; minutes: number; outputKj: number; first: number; last: number }
    >(
      `SELECT r.name AS rider, COUNT(*) AS workouts, SUM(w.length_min) AS minutes,
              SUM(w.output_kj) AS outputKj, MIN(w.start_time) AS first, MAX(w.start_time) AS last
         FROM workouts w JOIN riders r ON r.id = w.rider_id
        WHERE ${sql}
        GROUP BY w.rider_id ORDER BY r.name`,
    )
    .all(...params)
    .map((row) => ({
      rider: row.rider,
      workouts: row.workouts,
      minutes: row.minutes,
      outputKj: row.outputKj,
      firstWorkout: isoInstant(row.first),
      lastWorkout: isoInstant(row.last),
    }));
}
