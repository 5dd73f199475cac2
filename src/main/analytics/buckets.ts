import type { Cache } from '../cache/open-cache';
import { instantRange, localDaySql, localTime, type ResolvedFilter } from './filter';
import { caseTree, wallToUtc } from './time-zone';

/**
 * Local calendar months as a SQL expression over `w.start_time`: the UTC
 * instants at which each month of the filter's zone begins become a balanced
 * CASE tree giving the month's index into `labels` (`YYYY-MM`). Cheaper per row
 * than strftime over a shifted time, and exact across DST changes.
 */
export function monthBuckets(db: Cache, f: ResolvedFilter): { sql: string; labels: string[] } {
  const range = instantRange(db, f);
  if (!range) return { sql: '0', labels: [] };
  const wallLo = new Date(range.lo * 1000);
  // Start one month early: the first local month may begin before the first UTC instant.
  const y = wallLo.getUTCFullYear();
  let m = wallLo.getUTCMonth() - 1;
  const starts: number[] = [];
  const labels: string[] = [];
  for (;;) {
    const date = new Date(Date.UTC(y, m, 1));
    const start = wallToUtc(date.getTime() / 1000, f.tz);
    if (start > range.hi) break;
    starts.push(start);
    labels.push(date.toISOString().slice(0, 7));
    m += 1;
  }
  return {
    sql: caseTree(
      'w.start_time',
      starts,
      labels.map((_, i) => i),
    ),
    labels,
  };
}

/** The shifted local day number of `w` (see localDaySql) as SQL. */
export function localDay(db: Cache, f: ResolvedFilter): string {
  return localDaySql(localTime(db, f));
}
