import { useAppStore } from '../store/app-store';
import { hasFilters } from '../store/routes';

/** Rider and date filters, shared by every screen through the store and the URL. */
export function FilterBar({ colorOf }: { colorOf: (rider: string) => string }) {
  const filters = useAppStore((state) => state.filters);
  const riders = useAppStore((state) => state.data.riders.value) ?? [];
  const setFilters = useAppStore((state) => state.setFilters);
  const clearFilters = useAppStore((state) => state.clearFilters);

  const toggle = (id: string) => {
    const chosen = filters.riders.includes(id)
      ? filters.riders.filter((other) => other !== id)
      : [...filters.riders, id];
    // Choosing every rider is the same as choosing none: keep the URL short.
    setFilters({ riders: chosen.length === riders.length ? [] : chosen });
  };

  return (
    <section className="filter-bar" aria-label="Filters">
      {riders.length > 1 ? (
        <div className="filter-field">
          <span className="filter-label" id="filter-riders-label">
            Riders
          </span>
          <fieldset className="chip-group" aria-labelledby="filter-riders-label">
            <button
              type="button"
              className="chip"
              aria-pressed={filters.riders.length === 0}
              onClick={() => setFilters({ riders: [] })}
            >
              All
            </button>
            {riders.map((rider) => (
              <button
                key={rider.id}
                type="button"
                className="chip"
                aria-pressed={filters.riders.includes(rider.id)}
                onClick={() => toggle(rider.id)}
              >
                <span className="swatch" style={{ background: colorOf(rider.name) }} aria-hidden="true" />
                {rider.name}
              </button>
            ))}
          </fieldset>
        </div>
      ) : null}
      <div className="date-range">
        <label>
          <span className="filter-label">From</span>
          <input
            type="date"
            value={filters.from ?? ''}
            max={filters.to ?? undefined}
            onChange={(event) => setFilters({ from: event.target.value || null })}
          />
        </label>
        <label>
          <span className="filter-label">To</span>
          <input
            type="date"
            value={filters.to ?? ''}
            min={filters.from ?? undefined}
            onChange={(event) => setFilters({ to: event.target.value || null })}
          />
        </label>
      </div>
      {hasFilters(filters) ? (
        <button type="button" className="button button-quiet" onClick={clearFilters}>
          Clear filters
        </button>
      ) : null}
    </section>
  );
}
