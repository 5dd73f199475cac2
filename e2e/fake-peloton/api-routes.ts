import type { AuthState } from './auth-state';
import { catalogRoutes } from './catalog-routes';
import { JUST_RIDE_ID } from './constants';
import { workoutHistoryCsv } from './csv-export';
import { type FakeRequest, type FakeResponse, json, pelotonError, type Route, text } from './http';
import { meJson } from './me-json';
import { performanceGraphJson } from './performance-graph';
import type { RiderRecord, WorkoutRecord } from './records';
import { rideDetailsJson } from './ride-json';
import { drift } from './schema-drift';
import type { Store } from './store';
import { parseJoins, workoutDetailJson, workoutItemJson } from './workout-json';

export type ApiDeps = { store: Store; auth: AuthState; graphGaps: boolean; schemaDrift: boolean };

const NOT_LOGGED_IN = () => pelotonError(401, 3020, 'Not logged in');
const INVALID = () => pelotonError(400, 3000, 'Request was invalid');
/** ⚠ Peloton's exact code for another user's data is unknown; the shape is theirs. */
const FORBIDDEN = () => pelotonError(403, 3030, 'User does not have access to this resource');

export const isPlatformWeb = (req: FakeRequest) =>
  String(req.headers['peloton-platform'] ?? '').toLowerCase() === 'web';

/** The signed-in rider, or the 401 Peloton gives (a `peloton_session_id` cookie alone is not enough since Nov 2025). */
export function signedIn(d: ApiDeps, req: FakeRequest): RiderRecord | FakeResponse {
  if (!req.bearer) return NOT_LOGGED_IN();
  const check = d.auth.checkAccess(req.bearer);
  if (!check.ok) return NOT_LOGGED_IN();
  return d.store.riderById(check.userId) ?? NOT_LOGGED_IN();
}

const isResponse = (x: RiderRecord | FakeResponse): x is FakeResponse => 'status' in x;

/** Runs `fn` for the signed-in rider; `/api/user/{id}/…` must name that rider. */
function asRider(d: ApiDeps, fn: (req: FakeRequest, rider: RiderRecord) => FakeResponse) {
  return (req: FakeRequest): FakeResponse => {
    const rider = signedIn(d, req);
    if (isResponse(rider)) return rider;
    if (
      req.params.id !== undefined &&
      req.url.pathname.startsWith('/api/user/') &&
      req.params.id !== rider.userId
    ) {
      return FORBIDDEN();
    }
    return fn(req, rider);
  };
}

const out = (d: ApiDeps, body: unknown) => json(200, d.schemaDrift ? drift(body) : body);

function intParam(req: FakeRequest, name: string, fallback: number): number | null {
  const raw = req.url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

function timeParam(req: FakeRequest, name: string): number | null | undefined {
  const raw = req.url.searchParams.get(name);
  if (!raw) return undefined;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

function workoutsPage(d: ApiDeps, req: FakeRequest, rider: RiderRecord): FakeResponse {
  const page = intParam(req, 'page', 0);
  const asked = intParam(req, 'limit', 20);
  const from = timeParam(req, 'from');
  const to = timeParam(req, 'to');
  if (page === null || asked === null || from === null || to === null) return INVALID();
  const limit = Math.min(100, Math.max(1, asked));
  const joins = parseJoins(req.url.searchParams.get('joins'));
  const all = d.store.workouts(rider.userId);
  const list =
    from === undefined && to === undefined
      ? all
      : all.filter((w) => w.createdAt >= (from ?? 0) && w.createdAt <= (to ?? Infinity));
  const data = list.slice(page * limit, page * limit + limit);
  const pageCount = Math.ceil(list.length / limit);
  const next = list[(page + 1) * limit];
  const zones: Record<string, number> = {};
  for (let z = 1; z <= 5; z++) zones[`heart_rate_z${z}_duration`] = 0;
  const items = data.map((w) => {
    const item = workoutItemJson(d.store, w, joins);
    const hr =
      (item.effort_zones as { heart_rate_zone_durations?: Record<string, number> } | null)
        ?.heart_rate_zone_durations ?? {};
    for (const [k, v] of Object.entries(hr)) zones[k] = (zones[k] ?? 0) + v;
    return item;
  });
  return out(d, {
    data: items,
    limit,
    page,
    count: items.length,
    total: list.length,
    page_count: pageCount,
    show_previous: page > 0,
    show_next: page < pageCount - 1,
    sort_by: '-created_at,-pk',
    next: next ? { workout_id: next.id, created_at: next.createdAt } : null,
    summary: d.store.monthSummary(rider.userId),
    aggregate_stats: [],
    total_heart_rate_zone_durations: zones,
  });
}

/** Runs `fn` on a workout of the signed-in rider: 404 when unknown, 403 when someone else's. */
function withWorkout(
  d: ApiDeps,
  fn: (req: FakeRequest, rider: RiderRecord, w: WorkoutRecord) => FakeResponse,
) {
  return asRider(d, (req, rider) => {
    const w = d.store.workout(req.params.id ?? '');
    if (!w) return pelotonError(404, 3040, 'Workout does not exist');
    if (w.userId !== rider.userId) return FORBIDDEN();
    return fn(req, rider, w);
  });
}

export function apiRoutes(d: ApiDeps): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/auth/login',
      handler: () =>
        json(403, { status: 403, message: 'Access forbidden. Endpoint no longer accepting requests.' }),
    },
    {
      method: 'GET',
      pattern: '/api/me',
      handler: asRider(d, (_req, rider) => out(d, meJson(d.store, rider))),
    },
    {
      method: 'GET',
      pattern: '/api/user/{id}/workouts',
      handler: asRider(d, (req, rider) => workoutsPage(d, req, rider)),
    },
    {
      method: 'GET',
      pattern: '/api/workout/{id}',
      handler: withWorkout(d, (req, _rider, w) => {
        const rawJoins = req.url.searchParams.get('joins') ?? '';
        // A Just Ride has no class behind it: `joins=peloton.*` fails (P2G #46).
        if (w.kind === 'just-ride' && rawJoins.includes('peloton.')) return INVALID();
        return out(d, workoutDetailJson(d.store, w, parseJoins(rawJoins)));
      }),
    },
    {
      method: 'GET',
      pattern: '/api/workout/{id}/performance_graph',
      handler: withWorkout(d, (req, rider, w) => {
        const everyN = intParam(req, 'every_n', 5);
        if (everyN === null || everyN < 1) return INVALID();
        return out(
          d,
          performanceGraphJson(w, rider, { everyN, gaps: d.graphGaps, platformWeb: isPlatformWeb(req) }),
        );
      }),
    },
    {
      method: 'GET',
      pattern: '/api/ride/{id}/details',
      handler: asRider(d, (req) => {
        const ride =
          req.params.id === JUST_RIDE_ID ? undefined : d.store.catalog.byId.get(req.params.id ?? '');
        return ride ? out(d, rideDetailsJson(d.store, ride)) : pelotonError(404, 3050, 'Ride does not exist');
      }),
    },
    {
      method: 'GET',
      pattern: '/api/user/{id}/workout_history_csv',
      handler: asRider(d, (req, rider) => {
        const zone = req.url.searchParams.get('timezone') || 'UTC';
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: zone });
        } catch {
          return INVALID();
        }
        const file = `attachment; filename="${rider.username}_workouts.csv"`;
        return text(200, workoutHistoryCsv(d.store, rider, zone), 'text/csv; charset=utf-8', {
          'content-disposition': file,
        });
      }),
    },
    {
      method: 'GET',
      pattern: '/api/user/{id}/settings',
      handler: asRider(d, (_req, rider) =>
        out(d, {
          distance_unit: rider.distanceUnit === 'km' ? 'metric' : 'imperial',
          timezone: rider.timezone,
        }),
      ),
    },
    ...['overview', 'achievements'].map(
      (what): Route => ({
        method: 'GET',
        pattern: `/api/user/{id}/${what}`,
        // ⚠ The exact refusal is unknown (peloton-api.md 6.12); the shape is Peloton's.
        handler: asRider(d, (req, rider) =>
          isPlatformWeb(req)
            ? out(d, {
                user_id: rider.userId,
                workout_counts: d.store.workouts(rider.userId).length,
                streaks: {},
                personal_records: [],
              })
            : pelotonError(400, 3000, 'Request was invalid: Peloton-Platform header required'),
        ),
      }),
    ),
    ...catalogRoutes(d),
  ];
}
