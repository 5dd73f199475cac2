import { type Filters, isRangePreset, rideOverrides } from './filters';

// Hash routes (`#/riders?riders=a,b&from=2023-01-01`, `#/instructors/Jenn%20Sherman`) so a
// reload, a bookmark or the back button keeps the screen and its filters, with no
// server-side routing needed.
export const screens = [
  'overview',
  'riders',
  'rider',
  'instructors',
  'workouts',
  'sync',
  'settings',
] as const;

export type Screen = (typeof screens)[number];

/** Per-screen state worth a bookmark: the table's sort and page, a note from a chart click. */
export const extraKeys = ['sort', 'page', 'note'] as const;
export type Extras = Partial<Record<(typeof extraKeys)[number], string>>;

/** `detail`: the rider id on `rider`, the instructor on `instructors`. */
export type Route = { screen: Screen; detail: string | null; filters: Filters; extras: Extras };

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const slugPattern = /^[a-z0-9_]{1,40}$/;

function isScreen(value: string): value is Screen {
  return (screens as readonly string[]).includes(value);
}

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);
const numbers = (value: string | null) =>
  list(value)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0 && n <= 600);
const day = (value: string | null) => (value && dayPattern.test(value) ? value : null);

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part) || null;
  } catch {
    return null;
  }
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const queryAt = body.indexOf('?');
  const [path = '', rest] = (queryAt < 0 ? body : body.slice(0, queryAt)).split(/\/(.*)/s);
  const params = new URLSearchParams(queryAt < 0 ? '' : body.slice(queryAt + 1));
  const range = params.get('range');
  const kj = Number(params.get('ride.kj'));
  const min = Number(params.get('ride.min'));
  const rideTypes = list(params.get('ride.types')).filter((t) => slugPattern.test(t));
  const filters: Filters = {
    riders: list(params.get('riders')),
    from: day(params.get('from')),
    to: day(params.get('to')),
    range: isRangePreset(range) ? range : null,
    classTypes: list(params.get('types')).filter((t) => slugPattern.test(t)),
    lengths: numbers(params.get('lengths')),
    instructors: params.getAll('instructor').filter(Boolean),
    ride: rideOverrides({
      ...(rideTypes.length > 0 ? { classTypes: rideTypes } : {}),
      ...(params.has('ride.kj') && Number.isFinite(kj) && kj >= 0 ? { minOutputKj: kj } : {}),
      ...(params.has('ride.min') && Number.isInteger(min) && min >= 0 ? { minLengthMin: min } : {}),
    }),
  };
  const extras: Extras = {};
  for (const key of ['sort', 'page', 'note'] as const) {
    const value = params.get(key);
    if (value) extras[key] = value;
  }
  const screen = isScreen(path) ? path : 'overview';
  const detail = screen === 'rider' || screen === 'instructors' ? decode(rest ?? '') : null;
  return { screen, detail, filters, extras };
}

export function routeHash({ screen, detail, filters, extras }: Route): string {
  const params = new URLSearchParams();
  if (filters.riders.length > 0) params.set('riders', filters.riders.join(','));
  if (filters.range) params.set('range', filters.range);
  else {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  }
  if (filters.classTypes.length > 0) params.set('types', filters.classTypes.join(','));
  if (filters.lengths.length > 0) params.set('lengths', filters.lengths.join(','));
  // Instructor names may hold commas: one parameter each.
  for (const name of filters.instructors) params.append('instructor', name);
  const ride = rideOverrides(filters.ride);
  if (ride.classTypes) params.set('ride.types', ride.classTypes.join(','));
  if (ride.minOutputKj !== undefined) params.set('ride.kj', String(ride.minOutputKj));
  if (ride.minLengthMin !== undefined) params.set('ride.min', String(ride.minLengthMin));
  for (const key of extraKeys) {
    const value = extras[key];
    if (value) params.set(key, value);
  }
  const query = params.toString().replaceAll('%2C', ',');
  const path = detail ? `${screen}/${encodeURIComponent(detail)}` : screen;
  return `#/${path}${query ? `?${query}` : ''}`;
}

export function sameRoute(a: Route, b: Route): boolean {
  return routeHash(a) === routeHash(b);
}
