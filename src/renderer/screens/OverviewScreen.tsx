import { useCallback } from 'react';
import { ChartPanel } from '../charts/ChartPanel';
import { MonthlyCountsChart } from '../charts/MonthlyCountsChart';
import { useRiderColors } from '../charts/use-rider-colors';
import { FilterBar } from '../components/FilterBar';
import { FirstRun } from '../components/FirstRun';
import { ScreenHeader } from '../components/ScreenHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { SummaryCards } from '../components/SummaryCards';
import { formatAgo } from '../format/dates';
import { plural } from '../format/numbers';
import { useAppStore } from '../store/app-store';
import { loadOverview } from '../store/loaders';
import { useLiveLoad } from '../store/use-live-load';
import { useReportFilter } from '../store/use-report-filter';

export function OverviewScreen() {
  const summary = useAppStore((state) => state.data.summary);
  const monthly = useAppStore((state) => state.data.monthlyCounts);
  const info = useAppStore((state) => state.data.info.value);
  const clearFilters = useAppStore((state) => state.clearFilters);
  const { filter } = useReportFilter();
  const load = useCallback(() => loadOverview(filter), [filter]);
  useLiveLoad(load);
  // Drawn once both reports have answered; after that each one redraws when it lands.
  const data =
    summary.value && monthly.value ? { summary: summary.value, monthlyCounts: monthly.value } : null;
  const loading = summary.status === 'loading' || monthly.status === 'loading';
  const error = summary.error ?? monthly.error;
  const colorOf = useRiderColors(data?.summary.map((row) => row.rider) ?? []);
  const firstRun = info?.workouts === 0;

  return (
    <>
      <ScreenHeader title="Overview">
        {info ? (
          <p className="muted">
            {plural(info.workouts, 'workout', 'workouts')} · {plural(info.riders, 'rider', 'riders')} · last
            sync {info.lastSyncAt ? formatAgo(info.lastSyncAt) : 'never'}
          </p>
        ) : null}
        {loading && data ? (
          <p className="updating muted small" role="status">
            Updating…
          </p>
        ) : null}
      </ScreenHeader>
      {info?.demo ? (
        <p className="note" role="note">
          You are looking at generated demo data. Sign in or import your own, then remove the demo in{' '}
          <a href="#/settings">Settings</a>.
        </p>
      ) : null}
      {firstRun ? null : <FilterBar />}
      {error && data ? <ErrorState what="the latest data" error={error} onRetry={load} /> : null}
      {firstRun ? (
        <FirstRun />
      ) : !data ? (
        error ? (
          <ErrorState what="the overview" error={error} onRetry={load} />
        ) : (
          <LoadingState what="your workouts" />
        )
      ) : data.summary.length === 0 ? (
        <EmptyState>
          <p>No workouts match these filters — widen the dates or choose other riders.</p>
          <button type="button" className="button" onClick={clearFilters}>
            Clear filters
          </button>
        </EmptyState>
      ) : (
        <div className="screen-body">
          <SummaryCards rows={data.summary} colorOf={colorOf} />
          <ChartPanel
            title="Workouts per month"
            label="Workouts per month per rider"
            subtitle="Every class type; a month without a workout counts as 0. Click a month to list its workouts."
            testId="chart-monthly-counts"
            status={monthly.status}
            error={null}
            ready
            rows={data.monthlyCounts}
          >
            <MonthlyCountsChart rows={data.monthlyCounts} colorOf={colorOf} />
          </ChartPanel>
        </div>
      )}
    </>
  );
}
