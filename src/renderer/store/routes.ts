// Hash routes (`#/overview?riders=a,b&from=2023-01-01`) so a reload, a bookmark or the
// back button keeps the screen and its filters, with no server-side routing needed.
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

/** Filters shared by every screen; riders are rider ids, days are `YYYY-MM-DD`. */
export type Filters = { riders: string[]; from: string | null; to: string | null };

export type Route = { screen: Screen; filters: Filters };

export const noFilters: Filters = { riders: [], from: null, to: null };

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function isScreen(value: string): value is Screen {
  return (screens as readonly string[]).includes(value);
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const queryAt = body.indexOf('?');
  const path = queryAt < 0 ? body : body.slice(0, queryAt);
  const params = new URLSearchParams(queryAt < 0 ? '' : body.slice(queryAt + 1));
  const from = params.get('from');
  const to = params.get('to');
  const riders = params.get('riders');
  return {
    screen: isScreen(path) ? path : 'overview',
    filters: {
      riders: riders ? riders.split(',').filter(Boolean) : [],
      from: from && dayPattern.test(from) ? from : null,
      to: to && dayPattern.test(to) ? to : null,
    },
  };
}

export function routeHash({ screen, filters }: Route): string {
  const params = new URLSearchParams();
  if (filters.riders.length > 0) params.set('riders', filters.riders.join(','));
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  const query = params.toString().replaceAll('%2C', ',');
  return `#/${screen}${query ? `?${query}` : ''}`;
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return a.from === b.from && a.to === b.to && a.riders.join('\n') === b.riders.join('\n');
}

export function hasFilters(filters: Filters): boolean {
  return filters.riders.length > 0 || filters.from !== null || filters.to !== null;
}
