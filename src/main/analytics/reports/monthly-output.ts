import type { MonthlyOutputRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import { aggregateInRanges, localMonths, riderPeriods } from '../buckets';
import { type ResolvedFilter, RIDE_COLUMNS, riderNames, rideWhereClause } from '../filter';
import { sortRows } from '../format';

/**
 * F7: average output per month and class length in the ride subset (months with
 * data only). Each rider's local months are ranges of the (rider, time) index
 * (aggregateInRanges), grouped again by class length.
 */
export function monthlyOutput(db: Cache, f: ResolvedFilter): MonthlyOutputRow[] {
  const months = riderPeriods(db, f, localMonths);
  const cells = aggregateInRanges<{ lengthMin: number; avgOutputKj: number; n: number }>(
    db,
    f,
    months,
    'w.length_min AS lengthMin, AVG(w.output_kj) AS avgOutputKj, COUNT(*) AS n',
    RIDE_COLUMNS,
    { where: rideWhereClause(f), also: 'w.length_min' },
  );
  const names = riderNames(f);
  const out = cells.map(({ range, ...cell }) => {
    const month = months[range] as (typeof months)[number];
    return { rider: names.get(month.riderId) ?? month.riderId, month: month.label, ...cell };
  });
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.month,
    (r) => r.lengthMin,
  );
}
