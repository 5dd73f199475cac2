import { DAY_SHIFT_DAYS } from './filter';

/** An instant as ISO-8601 UTC with seconds and Z: `2023-05-25T09:31:58Z`. */
export function isoInstant(epochSec: number): string {
  return `${new Date(epochSec * 1000).toISOString().slice(0, 19)}Z`;
}

/**
 * The Monday-based week number of a shifted local day number (see DAY_SHIFT_DAYS);
 * consecutive weeks have consecutive numbers.
 */
export function weekNumber(shiftedDay: number): number {
  return Math.floor((shiftedDay + 3) / 7);
}

/** The ISO week label `YYYY-Www` (ISO week-year) of a week number from weekNumber. */
export function isoWeekLabel(weekNumber: number): string {
  const thursday = new Date((weekNumber * 7 - DAY_SHIFT_DAYS) * 86400_000);
  const year = thursday.getUTCFullYear();
  const dayOfYear = (thursday.getTime() - Date.UTC(year, 0, 1)) / 86400_000;
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
}

type Key<T> = (row: T) => string | number;

/** Sorts rows in place by the given keys, in order (strings by code unit, numbers ascending). */
export function sortRows<T>(rows: T[], ...keys: Key<T>[]): T[] {
  return rows.sort((a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
}
