import type { ClassTypeRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import {
  MAX_FOLDED_RIDERS,
  type ResolvedFilter,
  riderNames,
  type SqlParam,
  sqlString,
  whereClause,
  workoutsSource,
} from '../filter';
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
  const { sql, params } = whereClause(f);
  const from = workoutsSource(db, f, ['class_type']).from;
  if (f.riders.length === 0) return [];
  if (f.riders.length > MAX_FOLDED_RIDERS) {
    return db
      .prepare<SqlParam[], Cell>(
        `SELECT w.rider_id AS id, w.class_type AS classType, COUNT(*) AS workouts
           FROM ${from} WHERE ${sql} GROUP BY w.rider_id, w.class_type`,
      )
      .all(...params);
  }
  // Grouping by the class type alone, one count per rider, sorts far faster than
  // grouping by (rider, class type) when there are few riders.
  const counts = f.riders.map((r, i) => `COUNT(*) FILTER (WHERE w.rider_id = ${sqlString(r.id)}) AS c${i}`);
  const rows = db
    .prepare<SqlParam[], Record<string, number | string>>(
      `SELECT w.class_type AS classType, ${counts.join(', ')} FROM ${from} WHERE ${sql} GROUP BY w.class_type`,
    )
    .all(...params);
  return rows.flatMap((row) =>
    f.riders.flatMap((r, i) => {
      const workouts = Number(row[`c${i}`] ?? 0);
      return workouts > 0 ? [{ id: r.id, classType: String(row.classType), workouts }] : [];
    }),
  );
}
