import type { MonthlyCountRow } from '../../shared/reports';
import { monthsBetween } from '../format/dates';

/** One x-axis point: a month and each rider's count (null before or after the rider's data). */
export type MonthPoint = { month: string; counts: (number | null)[] };

export type MonthlyPivot = { riders: string[]; points: MonthPoint[] };

/** Long rows `{rider, month, workouts}` → one point per month with a column per rider. */
export function pivotMonthly(rows: MonthlyCountRow[]): MonthlyPivot {
  const riders = [...new Set(rows.map((row) => row.rider))];
  if (rows.length === 0) return { riders, points: [] };
  const months = rows.map((row) => row.month).sort();
  const counts = new Map(rows.map((row) => [`${row.rider}\n${row.month}`, row.workouts]));
  const points = monthsBetween(months[0] ?? '', months[months.length - 1] ?? '').map((month) => ({
    month,
    counts: riders.map((rider) => counts.get(`${rider}\n${month}`) ?? null),
  }));
  return { riders, points };
}
