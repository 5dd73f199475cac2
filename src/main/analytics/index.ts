import type { ReportFilter, ReportName, ReportRows } from '../../shared/reports';
import type { Cache } from '../cache/open-cache';
import { type ResolvedFilter, resolveFilter } from './filter';
import { classTypes } from './reports/class-types';
import { instructors } from './reports/instructors';
import { monthlyCounts } from './reports/monthly-counts';
import { monthlyOutput } from './reports/monthly-output';
import { outputByLength } from './reports/output-by-length';
import { records } from './reports/records';
import { streaks } from './reports/streaks';
import { summary } from './reports/summary';
import { weekdayHour } from './reports/weekday-hour';
import { weekly } from './reports/weekly';

type ReportFn<N extends ReportName> = (db: Cache, filter: ResolvedFilter) => ReportRows[N][];

/** One module per report; the CLI, the charts and the tests all call these. Every name needs one. */
export const reports: { [N in ReportName]: ReportFn<N> } = {
  summary,
  'monthly-counts': monthlyCounts,
  'class-types': classTypes,
  'output-by-length': outputByLength,
  'monthly-output': monthlyOutput,
  instructors,
  'weekday-hour': weekdayHour,
  streaks,
  records,
  weekly,
};

export function runReport<N extends ReportName>(
  db: Cache,
  name: N,
  filter: ReportFilter,
  defaultTz: string,
): ReportRows[N][] {
  const fn = reports[name] as ReportFn<N> | undefined;
  if (!fn) throw new Error(`Report ${name} has no implementation.`);
  return fn(db, resolveFilter(db, filter, defaultTz));
}
