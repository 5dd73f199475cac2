import { ChartPanel } from '../charts/ChartPanel';
import { FilterBar } from '../components/FilterBar';
import { Pager } from '../components/Pager';
import { ScreenHeader } from '../components/ScreenHeader';
import { WorkoutsTable } from '../components/WorkoutsTable';
import { plural } from '../format/numbers';
import { useAppStore } from '../store/app-store';
import { hasFilters } from '../store/filters';
import { panelState } from '../store/use-report';
import { pageSize, parseSort, sortText, useWorkoutsPage } from '../store/workouts-query';

/** Every workout the filters allow, sortable and paged; charts land here when clicked. */
export function WorkoutsScreen() {
  const extras = useAppStore((state) => state.extras);
  const filters = useAppStore((state) => state.filters);
  const setExtras = useAppStore((state) => state.setExtras);
  const clearFilters = useAppStore((state) => state.clearFilters);
  const sort = parseSort(extras.sort);
  const page = Math.max(1, Number.parseInt(extras.page ?? '1', 10) || 1);
  const query = useWorkoutsPage({}, sort, page);
  const total = query.value?.total ?? null;

  return (
    <>
      <ScreenHeader title="Workouts">
        {total !== null ? <p className="muted">{plural(total, 'workout', 'workouts')} match</p> : null}
      </ScreenHeader>
      <FilterBar />
      {extras.note ? (
        <p className="note" role="note">
          {extras.note}{' '}
          <button type="button" className="link-button" onClick={() => setExtras({ note: undefined })}>
            Dismiss
          </button>
        </p>
      ) : null}
      <ChartPanel
        title="Workouts"
        subtitle="Times are in the display time zone. Click a column to sort."
        testId="table-workouts"
        {...panelState(query)}
        rows={query.value?.rows ?? []}
        image={false}
        empty={
          hasFilters(filters) ? (
            <>
              No workouts match these filters.{' '}
              <button type="button" className="link-button" onClick={clearFilters}>
                Clear filters
              </button>
            </>
          ) : (
            'No workouts yet — import a CSV from the Overview or sign in from Settings.'
          )
        }
      >
        <WorkoutsTable
          rows={query.value?.rows ?? []}
          sort={sort}
          showRider={filters.riders.length !== 1}
          onSort={(next) => setExtras({ sort: sortText(next), page: undefined })}
        />
        <Pager
          page={page}
          pageSize={pageSize}
          total={total ?? 0}
          onPage={(next) => setExtras({ page: next > 1 ? String(next) : undefined })}
        />
      </ChartPanel>
    </>
  );
}
