import type { InstructorRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import {
  INSTRUCTOR_LABEL_COLUMNS,
  INSTRUCTOR_LABEL_SQL,
  lengthOrderedSource,
  type ResolvedFilter,
  RIDE_COLUMNS,
  riderNames,
  rideWhereClause,
  type SqlParam,
} from '../filter';
import { sortRows } from '../format';

/**
 * F8/F9: average output and number of rides per instructor and class length, in
 * the ride subset; instructors by their label (INSTRUCTOR_LABEL_SQL). The inner
 * query groups by the columns the label is made of, in the length-ordered
 * index's order (nothing sorted); the outer one merges groups with one label.
 */
export function instructors(db: Cache, f: ResolvedFilter): InstructorRow[] {
  const { sql, params } = rideWhereClause(f);
  const names = riderNames(f);
  const rows = db
    .prepare<
      SqlParam[],
      { id: string; label: string; lengthMin: number; avgOutputKj: number; workouts: number }
    >(
      `SELECT id, label, lengthMin, SUM(total) / SUM(n) AS avgOutputKj, SUM(n) AS workouts FROM (
         SELECT w.rider_id AS id, ${INSTRUCTOR_LABEL_SQL} AS label, w.length_min AS lengthMin,
                SUM(w.output_kj) AS total, COUNT(*) AS n
           FROM ${lengthOrderedSource(db, f, [...RIDE_COLUMNS, ...INSTRUCTOR_LABEL_COLUMNS]).from}
          WHERE ${sql}
          GROUP BY w.rider_id, w.length_min, w.class_type, w.instructor, w.ride_kind
       ) GROUP BY id, label, lengthMin`,
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
