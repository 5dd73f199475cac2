import { useCallback } from 'react';
import { MonthlyCountsChart } from '../charts/MonthlyCountsChart';
import { useRiderColors } from '../charts/use-rider-colors';
import { FilterBar } from '../components/FilterBar';
import { ScreenHeader } from '../components/ScreenHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { SummaryCards } from '../components/SummaryCards';
import { formatAgo } from '../format/dates';
import { plural } from '../format/numbers';
import { useAppStore } from '../store/app-store';
import { loadOverview } from '../store/loaders';
import { hasFilters } from '../store/routes';
import { useLiveLoad } from '../store/use-live-load';

export function OverviewScreen() {
  const filters = useAppStore((state) => state.filters);
  const overview = useAppStore((state) => state.data.overview);
  const info = useAppStore((state) => state.data.info.value);
  const clearFilters = useAppStore((state) => state.clearFilters);
  const load = useCallback(() => loadOverview(filters), [filters]);
  useLiveLoad(load);
  const data = overview.value;
  const colorOf = useRiderColors(data?.summary.map((row) => row.rider) ?? []);

  return (
    <>
      <ScreenHeader title="Overview">
        {info ? (
          <p className="muted">
            {plural(info.workouts, 'workout', 'workouts')} · {plural(info.riders, 'rider', 'riders')} · last
            sync {info.lastSyncAt ? formatAgo(info.lastSyncAt) : 'never'}
          </p>
        ) : null}
        {overview.status === 'loading' && data ? (
          <p className="updating muted small" role="status">
            Updating…
          </p>
        ) : null}
      </ScreenHeader>
      {hasFilters(filters) || (data && data.summary.length > 0) ? <FilterBar colorOf={colorOf} /> : null}
      {overview.error && data ? (
        <ErrorState what="the latest data" error={overview.error} onRetry={load} />
      ) : null}
      {!data ? (
        overview.error ? (
          <ErrorState what="the overview" error={overview.error} onRetry={load} />
        ) : (
          <LoadingState what="your workouts" />
        )
      ) : data.summary.length === 0 ? (
        hasFilters(filters) ? (
          <EmptyState>
            <p>No workouts match these filters — widen the dates or choose other riders.</p>
            <button type="button" className="button" onClick={clearFilters}>
              Clear filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState>
            <p className="state-title">
              No workouts yet — import a CSV with <code>spoke import FILE</code> or sign in from{' '}
              <a href="#/settings">Settings</a>.
            </p>
            <p className="muted">
              Peloton's “Download Workouts” export and the original pipeline's <code>all_rides.csv</code> both
              work.
            </p>
          </EmptyState>
        )
      ) : (
        <div className="overview-body">
          <SummaryCards rows={data.summary} colorOf={colorOf} />
          <MonthlyCountsChart rows={data.monthlyCounts} colorOf={colorOf} />
        </div>
      )}
    </>
  );
}
