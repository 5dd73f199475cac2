import type { WeeklyRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { groupBy } from '../../util/group-by';
import {
  localDaySql,
  localTime,
  type ResolvedFilter,
  riderIndexSql,
  type SqlParam,
  whereClause,
  workoutsSource,
} from '../filter';
import { isoWeekLabel, sortRows, weekNumberSql } from '../format';

type Cell = { riderId: string; week: number; workouts: number; minutes: number; outputKj: number };

/**
 * Workouts, minutes and kJ per ISO week (`YYYY-Www`, ISO week-year) per rider,
 * every week from the rider's first to last week in the filter, empty weeks as 0.
 */
export function weekly(db: Cache, f: ResolvedFilter): WeeklyRow[] {
  const names = new Map(f.riders.map((r) => [r.id, r.name]));
  const out: WeeklyRow[] = [];
  for (const [riderId, cells] of groupBy(weeklyCells(db, f), (c) => c.riderId)) {
    const rider = names.get(riderId) ?? riderId;
    const byWeek = new Map(cells.map((c) => [c.week, c]));
    const weeks = [...byWeek.keys()];
    const last = Math.max(...weeks);
    for (let n = Math.min(...weeks); n <= last; n++) {
      const c = byWeek.get(n);
      out.push({
        rider,
        week: isoWeekLabel(n),
        workouts: c?.workouts ?? 0,
        minutes: c?.minutes ?? 0,
        outputKj: c?.outputKj ?? 0,
      });
    }
  }
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.week,
  );
}

/** The non-empty (rider, week number) cells, grouped by SQLite. */
function weeklyCells(db: Cache, f: ResolvedFilter): Cell[] {
  const { sql, params } = whereClause(f);
  const week = weekNumberSql(localDaySql(localTime(db, f)));
  const riderIndex = riderIndexSql(f);
  const source = workoutsSource(db, f, ['length_min', 'output_kj']);
  const sums = 'COUNT(*) AS workouts, SUM(w.length_min) AS minutes, SUM(w.output_kj) AS outputKj';
  // Rows that come by rider and time are already in (rider, week) order, which the sort likes.
  if (riderIndex === null || source.byRiderAndTime) {
    return db
      .prepare<SqlParam[], Cell>(
        `SELECT w.rider_id AS riderId, ${week} AS week, ${sums}
           FROM ${source.from} WHERE ${sql} GROUP BY w.rider_id, week`,
      )
      .all(...params);
  }
  // One integer key, week-major (the table is mostly in time order, which the sort likes).
  const n = f.riders.length;
  return db
    .prepare<SqlParam[], Omit<Cell, 'riderId' | 'week'> & { k: number | null }>(
      `SELECT ${week} * ${n} + ${riderIndex} AS k, ${sums}
         FROM ${source.from} WHERE ${sql} GROUP BY k`,
    )
    .all(...params)
    .flatMap(({ k, ...sums }) =>
      k === null ? [] : [{ riderId: f.riders[k % n]?.id ?? '', week: Math.floor(k / n), ...sums }],
    );
}
