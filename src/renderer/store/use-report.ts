import type { ReportName, ReportRows } from '../../shared/reports';
import { getReport } from '../api/client';
import type { Filters } from './filters';
import { type Query, useQuery } from './use-query';
import { useReportFilter } from './use-report-filter';

/**
 * One report for the current filters (with `change` applied), refetched when they
 * change or data changes. `skip` holds the request back (e.g. until a rider is known).
 */
export function useReport<N extends ReportName>(
  name: N,
  change: Partial<Filters> = {},
  skip = false,
): Query<ReportRows[N][]> {
  const { filter, key } = useReportFilter(change);
  return useQuery(skip ? null : `${name}|${key}`, () => getReport(name, filter));
}

/** The props a ChartPanel takes from a query. */
export function panelState<T>(query: Query<T>) {
  return { status: query.status, error: query.error, onRetry: query.reload, ready: query.value !== null };
}
