import type { InstructorRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import {
  INSTRUCTOR_LABEL_COLUMNS,
  INSTRUCTOR_LABEL_SQL,
  type ResolvedFilter,
  RIDE_COLUMNS,
  riderNames,
  rideWhereClause,
  type SqlParam,
  workoutsSource,
} from '../filter';
import { sortRows } from '../format';

/**
 * F8/F9: average output and number of rides per instructor and class length, in
 * the ride subset; instructors by their label (INSTRUCTOR_LABEL_SQL).
 */
export function instructors(db: Cache, f: ResolvedFilter): InstructorRow[] {
  const { sql, params } = rideWhereClause(f);
  const names = riderNames(f);
  const rows = db
    .prepare<
      SqlParam[],
      { id: string; label: string; lengthMin: number; avgOutputKj: number; workouts: number }
    >(
      `SELECT w.rider_id AS id, ${INSTRUCTOR_LABEL_SQL} AS label, w.length_min AS lengthMin,
              AVG(w.output_kj) AS avgOutputKj, COUNT(*) AS workouts
         FROM ${workoutsSource(db, f, [...RIDE_COLUMNS, ...INSTRUCTOR_LABEL_COLUMNS]).from}
        WHERE ${sql}
        GROUP BY w.rider_id, label, w.length_min`,
    )
    .all(...params);
  const out = rows.map((row) => ({
    rider: names.get(row.id) ?? row.id,
    instructor: row.label,
    lengthMin: row.lengthMin,
    avgOutputKj: row.avgOutputKj,
    workouts: row.workouts,
  }));
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.lengthMin,
    (r) => r.instructor,
  );
}
