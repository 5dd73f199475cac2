import type { OutputByLengthRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { groupBy } from '../../util/group-by';
import {
  type ResolvedFilter,
  RIDE_SUBSET_SQL,
  riderNames,
  type SqlParam,
  whereClause,
  workoutsTable,
} from '../filter';
import { sortRows } from '../format';

/**
 * F6: the distribution of output per class length in the ride subset: raw
 * extremes, mean and quartiles by linear interpolation (numpy's and pandas'
 * default). SQLite ranks the outputs in each group and hands back only the
 * ranks the quartiles need, so no group's values travel to JS.
 */
export function outputByLength(db: Cache, f: ResolvedFilter): OutputByLengthRow[] {
  const { sql, params } = whereClause(f);
  const names = riderNames(f);
  // floor((n - 1) * p) for p = 1/4, 1/2, 3/4, in integers; a rank and the one after it.
  const picks = [1, 2, 3].map((k) => `(n - 1) * ${k} / 4`);
  const rows = db
    .prepare<SqlParam[], { id: string; lengthMin: number; n: number; mean: number; i: number; v: number }>(
      `SELECT id, lengthMin, n, mean, i, v FROM (
         SELECT w.rider_id AS id, w.length_min AS lengthMin, w.output_kj AS v,
                ROW_NUMBER() OVER g - 1 AS i,
                COUNT(*) OVER (PARTITION BY w.rider_id, w.length_min) AS n,
                AVG(w.output_kj) OVER (PARTITION BY w.rider_id, w.length_min) AS mean
           FROM ${workoutsTable(f)}
          WHERE ${sql} AND ${RIDE_SUBSET_SQL}
         WINDOW g AS (PARTITION BY w.rider_id, w.length_min ORDER BY w.output_kj)
       )
       WHERE i = 0 OR i = n - 1 ${picks.map((p) => `OR i = ${p} OR i = ${p} + 1`).join(' ')}`,
    )
    .all(...params);
  const out: OutputByLengthRow[] = [];
  for (const group of groupBy(rows, (row) => `${row.id}\u0000${row.lengthMin}`).values()) {
    const first = group[0];
    if (!first) continue;
    const at = new Map(group.map((row) => [row.i, row.v]));
    const value = (i: number) => at.get(i) ?? Number.NaN;
    const { n } = first;
    out.push({
      rider: names.get(first.id) ?? first.id,
      lengthMin: first.lengthMin,
      n,
      min: value(0),
      q1: quantile(value, n, 0.25),
      median: quantile(value, n, 0.5),
      q3: quantile(value, n, 0.75),
      max: value(n - 1),
      mean: first.mean,
    });
  }
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.lengthMin,
  );
}

/**
 * numpy's linear quantile (method 7) of n sorted values, given by rank: the
 * virtual index (n - 1) * p, then numpy's lerp, which for t >= 0.5 works back
 * from the upper value so results match numpy to the last bit.
 */
export function quantile(value: (rank: number) => number, n: number, p: number): number {
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const t = h - lo;
  const a = value(lo);
  if (t === 0) return a;
  const b = value(lo + 1);
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
