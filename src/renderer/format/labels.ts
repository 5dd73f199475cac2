/** `bike_bootcamp` → `Bike bootcamp`, as the notebook labels class types. */
export function classTypeLabel(slug: string): string {
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
