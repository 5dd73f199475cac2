import type { ClassTypeRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { type ResolvedFilter, riderNames, type SqlParam, whereClause, workoutsTable } from '../filter';
import { sortRows } from '../format';

/** F2–F4: workouts per class type per rider, and their share of the rider's (filtered) total. */
export function classTypes(db: Cache, f: ResolvedFilter): ClassTypeRow[] {
  const { sql, params } = whereClause(f);
  const names = riderNames(f);
  const rows = db
    .prepare<SqlParam[], { id: string; classType: string; workouts: number }>(
      `SELECT w.rider_id AS id, w.class_type AS classType, COUNT(*) AS workouts
         FROM ${workoutsTable(f)}
        WHERE ${sql}
        GROUP BY w.rider_id, w.class_type`,
    )
    .all(...params);
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.id, (totals.get(row.id) ?? 0) + row.workouts);
  const out = rows.map((row) => ({
    rider: names.get(row.id) ?? row.id,
    classType: row.classType,
    workouts: row.workouts,
    proportion: row.workouts / (totals.get(row.id) ?? row.workouts),
  }));
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.classType,
  );
}
