import { type WorkoutRow, type WorkoutsPage, workoutSortKeys } from '../../shared/reports';
import { call } from '../api/client';
import type { Sort } from '../components/SortHeader';
import type { Filters } from './filters';
import { type Query, useQuery } from './use-query';
import { useReportFilter } from './use-report-filter';

export type SortKey = (typeof workoutSortKeys)[number];
export const pageSize = 50;
export const defaultSort: Sort<SortKey> = { by: 'start', dir: 'desc' };

/** `outputKj.desc` (the URL's form) → a sort; anything else → newest first. */
export function parseSort(text: string | undefined): Sort<SortKey> {
  const [by, dir] = (text ?? '').split('.');
  const key = workoutSortKeys.find((k) => k === by);
  return key && (dir === 'asc' || dir === 'desc') ? { by: key, dir } : defaultSort;
}

export function sortText(sort: Sort<SortKey>): string | undefined {
  return sort.by === defaultSort.by && sort.dir === defaultSort.dir ? undefined : `${sort.by}.${sort.dir}`;
}

/** One page of workouts for the current filters (with `change` applied). */
export function useWorkoutsPage(
  change: Partial<Filters>,
  sort: Sort<SortKey>,
  page: number,
): Query<WorkoutsPage> {
  // The ride subset belongs to the output charts; the table lists every workout the other filters allow.
  const { filter, key } = useReportFilter({ ...change, ride: {} });
  const offset = (page - 1) * pageSize;
  return useQuery(`workouts|${key}|${sort.by}.${sort.dir}|${offset}`, () =>
    call('workouts:list', { filter, sort, offset, limit: pageSize }),
  );
}

export type { WorkoutRow };
