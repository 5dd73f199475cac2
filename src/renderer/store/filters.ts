import { DEFAULT_RIDE_SUBSET, type RideSubset } from '../../shared/reports';
import type { ReportFilterInput } from '../api/client';
import { addDays, addMonths } from '../format/days';

export const rangePresets = ['4w', '3m', 'ytd', '12m'] as const;
export type RangePreset = (typeof rangePresets)[number];

export const rangeLabels: Record<RangePreset | 'all', string> = {
  '4w': '4 weeks',
  '3m': '3 months',
  ytd: 'Year to date',
  '12m': '12 months',
  all: 'All',
};

/**
 * Filters shared by every screen. Riders are rider ids, days `YYYY-MM-DD`. A range
 * preset stays relative (a bookmark of "4 weeks" means the last 4 weeks whenever it
 * is opened) and wins over from/to. `ride` holds only what differs from the default subset.
 */
export type Filters = {
  riders: string[];
  from: string | null;
  to: string | null;
  range: RangePreset | null;
  classTypes: string[];
  lengths: number[];
  instructors: string[];
  ride: RideSubset;
};

export const noFilters: Filters = {
  riders: [],
  from: null,
  to: null,
  range: null,
  classTypes: [],
  lengths: [],
  instructors: [],
  ride: {},
};

export function isRangePreset(value: string | null): value is RangePreset {
  return value !== null && (rangePresets as readonly string[]).includes(value);
}

/** The days a preset covers, ending today. */
export function presetDays(range: RangePreset, today: string): { from: string; to: string } {
  if (range === '4w') return { from: addDays(today, -27), to: today };
  if (range === '3m') return { from: addDays(addMonths(today, -3), 1), to: today };
  if (range === 'ytd') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  return { from: addDays(addMonths(today, -12), 1), to: today };
}

/** The from/to the filters mean today: the preset's days, else the custom ones. */
export function effectiveDays(filters: Filters, today: string): { from: string | null; to: string | null } {
  return filters.range ? presetDays(filters.range, today) : { from: filters.from, to: filters.to };
}

export function rideSubset(filters: Filters): Required<RideSubset> {
  return { ...DEFAULT_RIDE_SUBSET, ...filters.ride };
}

/** Only the fields that differ from the default subset, so the default leaves no trace in the URL. */
export function rideOverrides(ride: RideSubset): RideSubset {
  const out: RideSubset = {};
  const d = DEFAULT_RIDE_SUBSET;
  if (ride.classTypes && [...ride.classTypes].sort().join() !== [...d.classTypes].sort().join()) {
    out.classTypes = ride.classTypes;
  }
  if (ride.minOutputKj !== undefined && ride.minOutputKj !== d.minOutputKj)
    out.minOutputKj = ride.minOutputKj;
  if (ride.minLengthMin !== undefined && ride.minLengthMin !== d.minLengthMin) {
    out.minLengthMin = ride.minLengthMin;
  }
  return out;
}

export function reportFilter(filters: Filters, today: string): ReportFilterInput {
  const { from, to } = effectiveDays(filters, today);
  const ride = rideOverrides(filters.ride);
  return {
    ...(filters.riders.length > 0 ? { riders: filters.riders } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(filters.classTypes.length > 0 ? { classTypes: filters.classTypes } : {}),
    ...(filters.lengths.length > 0 ? { lengths: filters.lengths } : {}),
    ...(filters.instructors.length > 0 ? { instructors: filters.instructors } : {}),
    ...(Object.keys(ride).length > 0 ? { ride } : {}),
  };
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return filtersKey(a) === filtersKey(b);
}

export function filtersKey(filters: Filters): string {
  return JSON.stringify({ ...filters, ride: rideOverrides(filters.ride) });
}

export function hasFilters(filters: Filters): boolean {
  return filtersKey(filters) !== filtersKey(noFilters);
}
