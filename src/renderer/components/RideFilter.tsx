import { DEFAULT_RIDE_SUBSET } from '../../shared/reports';
import { classTypeLabel } from '../format/labels';
import { useAppStore } from '../store/app-store';
import { rideOverrides, rideSubset } from '../store/filters';
import { Dropdown } from './Dropdown';

/** The notebook's ride subset (F5) that output charts use, editable: which types, above what output and length. */
export function RideFilter() {
  const filters = useAppStore((state) => state.filters);
  const setFilters = useAppStore((state) => state.setFilters);
  const options = useAppStore((state) => state.data.options.value);
  const ride = rideSubset(filters);
  const isDefault = Object.keys(rideOverrides(filters.ride)).length === 0;
  const types = [...new Set([...(options?.classTypes ?? []), ...DEFAULT_RIDE_SUBSET.classTypes])].sort();
  const summary = `${ride.classTypes.map(classTypeLabel).join(', ')} · > ${ride.minOutputKj} kJ · > ${ride.minLengthMin} min`;

  const toggle = (type: string) => {
    const chosen = ride.classTypes.includes(type)
      ? ride.classTypes.filter((other) => other !== type)
      : [...ride.classTypes, type];
    // At least one type: an empty subset would chart nothing, so it means the default.
    setFilters({ ride: { ...filters.ride, classTypes: chosen.length > 0 ? chosen : undefined } });
  };
  const setNumber = (key: 'minOutputKj' | 'minLengthMin', text: string) => {
    const value = Number(text);
    if (text === '') setFilters({ ride: { ...filters.ride, [key]: undefined } });
    else if (Number.isFinite(value) && value >= 0) {
      setFilters({ ride: { ...filters.ride, [key]: key === 'minLengthMin' ? Math.round(value) : value } });
    }
  };

  return (
    <Dropdown label="Rides (output charts)" summary={summary} active={!isDefault} testId="ride-filter">
      <fieldset className="check-list">
        <legend className="dropdown-legend">Class types that count as rides</legend>
        {types.map((type) => (
          <label key={type} className="check">
            <input type="checkbox" checked={ride.classTypes.includes(type)} onChange={() => toggle(type)} />
            {classTypeLabel(type)}
          </label>
        ))}
      </fieldset>
      <div className="ride-numbers">
        <label>
          Output above (kJ)
          <input
            type="number"
            min={0}
            step={1}
            value={ride.minOutputKj}
            onChange={(event) => setNumber('minOutputKj', event.target.value)}
          />
        </label>
        <label>
          Class longer than (min)
          <input
            type="number"
            min={0}
            step={5}
            value={ride.minLengthMin}
            onChange={(event) => setNumber('minLengthMin', event.target.value)}
          />
        </label>
      </div>
      <p className="muted small">
        The notebook's F5: cycling and Lanebreak above 1 kJ and 10 minutes drops aborted rides, warm-ups and
        cool-downs.
      </p>
      <button
        type="button"
        className="button button-quiet button-small"
        disabled={isDefault}
        onClick={() => setFilters({ ride: {} })}
      >
        Reset to the notebook's subset
      </button>
    </Dropdown>
  );
}
