import type { ClassTypeRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { lengthOrderedSource, type ResolvedFilter, riderNames, type SqlParam, whereClause } from '../filter';
import { sortRows } from '../format';

type Cell = { id: string; classType: string; workouts: number };

/** F2–F4: workouts per class type per rider, and their share of the rider's (filtered) total. */
export function classTypes(db: Cache, f: ResolvedFilter): ClassTypeRow[] {
  const names = riderNames(f);
  const cells = classTypeCells(db, f);
  const totals = new Map<string, number>();
  for (const c of cells) totals.set(c.id, (totals.get(c.id) ?? 0) + c.workouts);
  const out = cells.map((c) => ({
    rider: names.get(c.id) ?? c.id,
    classType: c.classType,
    workouts: c.workouts,
    proportion: c.workouts / (totals.get(c.id) ?? c.workouts),
  }));
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.classType,
  );
}

function classTypeCells(db: Cache, f: ResolvedFilter): Cell[] {
  if (f.riders.length === 0) return [];
  const { sql, params } = whereClause(f);
  // Counting by (rider, length, class type) follows the length-ordered index, so
  // SQLite groups the rows as they come; the few hundred counts are then added up
  // across lengths.
  return db
    .prepare<SqlParam[], Cell>(
      `SELECT id, classType, SUM(n) AS workouts FROM (
         SELECT w.rider_id AS id, w.class_type AS classType, COUNT(*) AS n
           FROM ${lengthOrderedSource(db, f, ['class_type']).from} WHERE ${sql}
          GROUP BY w.rider_id, w.length_min, w.class_type
       ) GROUP BY id, classType`,
    )
    .all(...params);
}
