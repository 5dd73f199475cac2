import type { WeeklyRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { groupBy } from '../../util/group-by';
import {
  localDaySql,
  localTime,
  type ResolvedFilter,
  riderNames,
  type SqlParam,
  whereClause,
  workoutsTable,
} from '../filter';
import { isoWeekLabel, sortRows, weekNumberSql } from '../format';

/**
 * Workouts, minutes and kJ per ISO week (`YYYY-Www`, ISO week-year) per rider,
 * every week from the rider's first to last week in the filter, empty weeks as 0.
 */
export function weekly(db: Cache, f: ResolvedFilter): WeeklyRow[] {
  const { sql, params } = whereClause(f);
  const names = riderNames(f);
  const week = weekNumberSql(localDaySql(localTime(db, f)));
  const rows = db
    .prepare<SqlParam[], { id: string; week: number; workouts: number; minutes: number; outputKj: number }>(
      `SELECT w.rider_id AS id, ${week} AS week, COUNT(*) AS workouts,
              SUM(w.length_min) AS minutes, SUM(w.output_kj) AS outputKj
         FROM ${workoutsTable(f)}
        WHERE ${sql}
        GROUP BY w.rider_id, week`,
    )
    .all(...params);
  const out: WeeklyRow[] = [];
  for (const [id, group] of groupBy(rows, (row) => row.id)) {
    const rider = names.get(id) ?? id;
    const byWeek = new Map(group.map((g) => [g.week, g]));
    const weeks = [...byWeek.keys()];
    const last = Math.max(...weeks);
    for (let n = Math.min(...weeks); n <= last; n++) {
      const g = byWeek.get(n);
      out.push({
        rider,
        week: isoWeekLabel(n),
        workouts: g?.workouts ?? 0,
        minutes: g?.minutes ?? 0,
        outputKj: g?.outputKj ?? 0,
      });
    }
  }
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.week,
  );
}
