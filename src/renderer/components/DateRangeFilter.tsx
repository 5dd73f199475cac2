import { useAppStore } from '../store/app-store';
import { effectiveDays, rangeLabels, rangePresets } from '../store/filters';
import { useToday } from '../store/use-report-filter';

/** Date presets (relative, so a bookmark stays "the last 4 weeks") and a custom from/to. */
export function DateRangeFilter() {
  const filters = useAppStore((state) => state.filters);
  const setFilters = useAppStore((state) => state.setFilters);
  const today = useToday();
  const shown = effectiveDays(filters, today);
  const isAll = !filters.range && !filters.from && !filters.to;

  return (
    <>
      <div className="filter-field">
        <span className="filter-label" id="filter-dates-label">
          Dates
        </span>
        <fieldset className="chip-group" aria-labelledby="filter-dates-label">
          {rangePresets.map((preset) => (
            <button
              key={preset}
              type="button"
              className="chip"
              aria-pressed={filters.range === preset}
              onClick={() => setFilters({ range: preset, from: null, to: null })}
            >
              {rangeLabels[preset]}
            </button>
          ))}
          <button
            type="button"
            className="chip"
            aria-pressed={isAll}
            onClick={() => setFilters({ range: null, from: null, to: null })}
          >
            {rangeLabels.all}
          </button>
        </fieldset>
      </div>
      <div className="date-range">
        <label>
          <span className="filter-label">From</span>
          <input
            type="date"
            value={shown.from ?? ''}
            max={shown.to ?? undefined}
            onChange={(event) => setFilters({ range: null, from: event.target.value || null, to: shown.to })}
          />
        </label>
        <label>
          <span className="filter-label">To</span>
          <input
            type="date"
            value={shown.to ?? ''}
            min={shown.from ?? undefined}
            onChange={(event) =>
              setFilters({ range: null, from: shown.from, to: event.target.value || null })
            }
          />
        </label>
      </div>
    </>
  );
}
