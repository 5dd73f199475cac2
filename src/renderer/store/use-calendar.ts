import type { WeeklyRow } from '../../shared/reports';
import { call } from '../api/client';
import { addDays, weekRange } from '../format/days';
import type { Filters } from './filters';
import { useQuery } from './use-query';
import { useReportFilter } from './use-report-filter';

export type Calendar = { counts: Map<string, number>; first: string; last: string; capped: boolean };

const pageSize = 500;
const maxPages = 6;

/**
 * Workouts per day for the calendar heatmap: the last 53 weeks with data inside the
 * filters. No report gives daily counts, so this pages through `workouts:list`
 * (a few pages at most) and counts local days; `capped` says when it stopped early.
 */
export function useCalendar(riderId: string | null, weekly: WeeklyRow[] | null) {
  const change: Partial<Filters> = riderId ? { riders: [riderId] } : {};
  const { filter, key } = useReportFilter(change);
  const active = (weekly ?? [])
    .filter((row) => row.workouts > 0)
    .map((row) => row.week)
    .sort();
  const lastWeek = active[active.length - 1];
  const lastActive = lastWeek ? weekRange(lastWeek).to : null;
  const last = lastActive && filter.to && filter.to < lastActive ? filter.to : lastActive;
  const yearBefore = last ? addDays(last, -7 * 53 + 1) : null;
  const first = yearBefore && filter.from && filter.from > yearBefore ? filter.from : yearBefore;

  return useQuery<Calendar>(riderId && weekly ? `calendar|${key}|${first}|${last}` : null, async () => {
    if (!first || !last) return { counts: new Map(), first: '', last: '', capped: false };
    const counts = new Map<string, number>();
    let offset = 0;
    let total = 0;
    let pages = 0;
    do {
      const page = await call('workouts:list', {
        filter: { ...filter, from: first, to: last },
        sort: { by: 'start', dir: 'desc' },
        offset,
        limit: pageSize,
      });
      total = page.total;
      for (const row of page.rows) {
        const day = row.localStart.slice(0, 10);
        counts.set(day, (counts.get(day) ?? 0) + 1);
      }
      offset += page.rows.length;
      pages += 1;
      if (page.rows.length === 0) break;
    } while (offset < total && pages < maxPages);
    return { counts, first, last, capped: offset < total };
  });
}
