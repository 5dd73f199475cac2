import { RENAMED_DISCIPLINES } from '../../shared/disciplines';

/**
 * `bike_bootcamp` → `Bike bootcamp`, as the notebook labels class types; the
 * rower's `caesar` reads `Rowing`, as in Peloton's apps (RENAMED_DISCIPLINES).
 */
export function classTypeLabel(slug: string): string {
  const renamed = RENAMED_DISCIPLINES[slug];
  if (renamed) return renamed;
  const words = slug.replaceAll('_', ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function lengthLabel(minutes: number): string {
  return `${minutes} min`;
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** ISO weekday 1..7 (Monday = 1) → `Mon`. */
export function weekdayLabel(weekday: number): string {
  return weekdays[weekday - 1] ?? String(weekday);
}

/** ISO weekday 1..7 (Monday = 1) → `Monday`, for accessible names. */
export function weekdayName(weekday: number): string {
  return weekdayNames[weekday - 1] ?? String(weekday);
}

export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

const SYNC_STEPS: Record<string, string> = {
  workouts: 'workouts',
  details: 'averages',
  csv: 'daily CSV files',
  s3: 'S3 uploads',
  postgres: 'Postgres load',
};

/** A sync step (`sync:progress`'s `step`) as the Sync screen names it. */
export function syncStepLabel(step: string): string {
  return SYNC_STEPS[step] ?? step;
}
