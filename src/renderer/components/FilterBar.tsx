import { useRiderColors } from '../charts/use-rider-colors';
import { classTypeLabel } from '../format/labels';
import { useAppStore } from '../store/app-store';
import { hasFilters } from '../store/filters';
import { DateRangeFilter } from './DateRangeFilter';
import { CheckList, Dropdown } from './Dropdown';
import { RideFilter } from './RideFilter';

type Props = { riders?: boolean; ride?: boolean };

/** Every filter, shared by all screens through the store and the URL. */
export function FilterBar({ riders: showRiders = true, ride = false }: Props) {
  const filters = useAppStore((state) => state.filters);
  const riders = useAppStore((state) => state.data.riders.value) ?? [];
  const options = useAppStore((state) => state.data.options.value);
  const setFilters = useAppStore((state) => state.setFilters);
  const clearFilters = useAppStore((state) => state.clearFilters);
  const colorOf = useRiderColors([]);

  const toggle = (id: string) => {
    const chosen = filters.riders.includes(id)
      ? filters.riders.filter((other) => other !== id)
      : [...filters.riders, id];
    // Choosing every rider is the same as choosing none: keep the URL short.
    setFilters({ riders: chosen.length === riders.length ? [] : chosen });
  };
  const summaryOf = (chosen: readonly (string | number)[], label: (v: never) => string) =>
    chosen.length === 0
      ? 'All'
      : chosen.length <= 2
        ? chosen.map((v) => label(v as never)).join(', ')
        : `${chosen.length} chosen`;

  return (
    <section className="filter-bar" aria-label="Filters">
      {showRiders && riders.length > 1 ? (
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
      <DateRangeFilter />
      <Dropdown
        label="Class types"
        summary={summaryOf(filters.classTypes, classTypeLabel)}
        active={filters.classTypes.length > 0}
        testId="filter-class-types"
      >
        <CheckList
          legend="Class types"
          options={options?.classTypes ?? filters.classTypes}
          chosen={filters.classTypes}
          label={classTypeLabel}
          onChange={(classTypes) => setFilters({ classTypes })}
        />
      </Dropdown>
      <Dropdown
        label="Class lengths"
        summary={summaryOf(filters.lengths, (v: number) => `${v} min`)}
        active={filters.lengths.length > 0}
        testId="filter-lengths"
      >
        <CheckList
          legend="Class lengths"
          options={options?.lengths ?? filters.lengths}
          chosen={filters.lengths}
          label={(v) => `${v} min`}
          onChange={(lengths) => setFilters({ lengths })}
        />
      </Dropdown>
      {ride ? <RideFilter /> : null}
      {filters.instructors.length > 0 ? (
        <div className="filter-field">
          <span className="filter-label">Instructor</span>
          <div className="chip-group">
            {filters.instructors.map((name) => (
              <button
                key={name}
                type="button"
                className="chip chip-active"
                aria-label={`Remove the instructor filter ${name}`}
                onClick={() =>
                  setFilters({ instructors: filters.instructors.filter((other) => other !== name) })
                }
              >
                {name} <span aria-hidden="true">×</span>
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {hasFilters(filters) ? (
        <button type="button" className="button button-quiet" onClick={clearFilters}>
          Clear filters
        </button>
      ) : null}
    </section>
  );
}
