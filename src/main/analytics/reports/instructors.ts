import type { InstructorRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import {
  type ResolvedFilter,
  RIDE_COLUMNS,
  RIDE_SUBSET_SQL,
  riderNames,
  type SqlParam,
  whereClause,
  workoutsSource,
} from '../filter';
import { sortRows } from '../format';

/**
 * A workout's instructor, or what it is when it has none: Lanebreak, Scenic,
 * Just Ride, else No instructor. Seed rows carry no ride kind, so a `lanebreak`
 * class type also counts as Lanebreak.
 */
export const INSTRUCTOR_LABEL_SQL = `COALESCE(NULLIF(w.instructor, ''), CASE
    WHEN w.ride_kind = 'lanebreak' OR w.class_type = 'lanebreak' THEN 'Lanebreak'
    WHEN w.ride_kind = 'scenic' THEN 'Scenic'
    WHEN w.ride_kind = 'just_ride' THEN 'Just Ride'
    ELSE 'No instructor' END)`;

/** F8/F9: average output and number of rides per instructor and class length, in the ride subset. */
export function instructors(db: Cache, f: ResolvedFilter): InstructorRow[] {
  const { sql, params } = whereClause(f);
  const names = riderNames(f);
  const rows = db
    .prepare<
      SqlParam[],
      { id: string; label: string; lengthMin: number; avgOutputKj: number; workouts: number }
    >(
      `SELECT w.rider_id AS id, ${INSTRUCTOR_LABEL_SQL} AS label, w.length_min AS lengthMin,
              AVG(w.output_kj) AS avgOutputKj, COUNT(*) AS workouts
         FROM ${workoutsSource(db, f, [...RIDE_COLUMNS, 'instructor', 'ride_kind']).from}
        WHERE ${sql} AND ${RIDE_SUBSET_SQL}
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
