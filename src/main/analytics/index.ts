import type { ReportFilter, ReportName, ReportRows } from '../../shared/reports';
import type { Cache } from '../cache/open-cache';
import { type ResolvedFilter, resolveFilter } from './filter';
import { monthlyCounts } from './reports/monthly-counts';
import { summary } from './reports/summary';

type ReportFn<N extends ReportName> = (db: Cache, filter: ResolvedFilter) => ReportRows[N][];

/** One module per report; the CLI, the charts and the tests all call these. */
const reports: { [N in ReportName]?: ReportFn<N> } = {
  summary,
  'monthly-counts': monthlyCounts,
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
