import { formatDay } from '../format/dates';
import { useAppStore } from '../store/app-store';
import { EmptyState } from './States';

/** Where the data lies, so an empty chart says which dates would show something. */
export function DataSpan() {
  const options = useAppStore((state) => state.data.options.value);
  if (!options?.firstDay || !options.lastDay) return null;
  const day = (value: string) => formatDay(`${value}T12:00:00Z`);
  return (
    <span>
      Workouts in Spoke run from {day(options.firstDay)} to {day(options.lastDay)}.
    </span>
  );
}

/** A whole screen with nothing to chart for these filters: one message, one way out. */
export function NoMatch({ what = 'workouts' }: { what?: string }) {
  const clearFilters = useAppStore((state) => state.clearFilters);
  return (
    <EmptyState>
      <p className="state-title">No {what} match these filters.</p>
      <p className="muted">
        Widen the dates or choose other riders or class types. <DataSpan />
      </p>
      <button type="button" className="button" onClick={clearFilters}>
        Clear filters
      </button>
    </EmptyState>
  );
}
