import { useAppStore } from '../store/app-store';

export type Units = 'imperial' | 'metric';

const KM_PER_MI = 1.609344;
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The display.units setting: miles or kilometres for distances and speeds (output, kJ, has no units to pick). */
export function useUnits(): Units {
  return useAppStore((state) => state.data.settings.value?.['display.units']) === 'metric'
    ? 'metric'
    : 'imperial';
}

export function distanceUnit(units: Units): 'mi' | 'km' {
  return units === 'metric' ? 'km' : 'mi';
}

export function distanceUnitName(units: Units): string {
  return units === 'metric' ? 'kilometres' : 'miles';
}

/**
 * A distance as Peloton recorded it (in the rider's own unit, `mi` or `km`) in the
 * chosen units, or null when the workout has none.
 */
export function convertDistance(value: number | null, from: string | null, units: Units): number | null {
  if (value === null) return null;
  const recorded = from === 'km' ? 'km' : 'mi';
  const wanted = distanceUnit(units);
  if (recorded === wanted) return value;
  return wanted === 'km' ? value * KM_PER_MI : value / KM_PER_MI;
}

export function speedUnit(units: Units): 'mph' | 'km/h' {
  return units === 'metric' ? 'km/h' : 'mph';
}

export function speedUnitName(units: Units): string {
  return units === 'metric' ? 'kilometres per hour' : 'miles per hour';
}

/** An average speed as Peloton recorded it (`mph` or `kph`) in the chosen units, or null. */
export function convertSpeed(value: number | null, from: string | null, units: Units): number | null {
  return convertDistance(value, from === 'kph' ? 'km' : 'mi', units);
}

/** Two decimals, as Peloton shows distances; `–` for none. */
export function formatDistance(value: number | null): string {
  return value === null ? '–' : twoDecimals.format(value);
}
