import type { LoginGuard } from './auth-routes';
import type { AuthState } from './auth-state';
import { AUDIENCE, MOBILE_CLIENT_ID, WEB_CLIENT_ID, WEB_SCOPE } from './constants';
import { type FakeRequest, type FakeResponse, json, type Route, str } from './http';
import type { WorkoutRecord } from './records';
import type { Runtime } from './server';
import type { Store } from './store';
import type {
  FakePelotonAdmin,
  FaultKind,
  FaultOptions,
  LatencyOption,
  WorkoutPatch,
  WorkoutSummary,
} from './types';

export function toSummary(w: WorkoutRecord): WorkoutSummary {
  return {
    id: w.id,
    userId: w.userId,
    kind: w.kind,
    status: w.status,
    title: w.ride.title,
    rideId: w.ride.id,
    createdAt: w.createdAt,
    startTime: w.startTime,
    endTime: w.endTime,
    timezone: w.timezone,
    totalWork: w.totalWork,
  };
}

export type AdminDeps = { store: Store; auth: AuthState; runtime: Runtime; guard: LoginGuard };

/** The in-process admin surface; the HTTP one below mirrors it for out-of-process use. */
export function createAdmin(d: AdminDeps): FakePelotonAdmin {
  return {
    addWorkout: (userId, patch) => toSummary(d.store.addWorkout(userId, patch)),
    completeWorkout: (id, totalWorkJ) => toSummary(d.store.completeWorkout(id, totalWorkJ)),
    deleteWorkout: (id) => d.store.deleteWorkout(id),
    listWorkouts: (userId) => d.store.workouts(userId).map(toSummary),
    setFaults: (faults) => d.runtime.faults.set(faults),
    failNext: (kind, count = 1, pathPrefix = '/api/') => d.runtime.faults.failNext(kind, count, pathPrefix),
    setLatency: (latency) => {
      d.runtime.latency = latency;
    },
    expireAllTokens: () => d.auth.expireAll(),
    revokeRefreshTokens: () => d.auth.revokeRefresh(),
    blockLogin: (email, blocked = true) => {
      const key = email.toLowerCase();
      if (blocked) d.guard.blocked.add(key);
      else {
        d.guard.blocked.delete(key);
        d.guard.failures.delete(key);
      }
    },
    dropCsrfCookie: (count = 1) => {
      d.guard.dropCsrf += count;
    },
    issueTokens: (email, clientId = WEB_CLIENT_ID) => {
      const rider = d.store.riderByEmail(email);
      if (!rider) throw new Error(`no account ${email}`);
      const scope = clientId === MOBILE_CLIENT_ID ? 'offline_access openid' : WEB_SCOPE;
      return d.auth.issue(rider.userId, clientId, scope, AUDIENCE);
    },
    stats: () => d.runtime.stats.snapshot(),
    resetStats: () => d.runtime.stats.reset(),
  };
}

const ok = (body: unknown = { ok: true }) => json(200, body);

function guarded(fn: (req: FakeRequest) => FakeResponse): (req: FakeRequest) => FakeResponse {
  return (req) => {
    try {
      return fn(req);
    } catch (error) {
      return json(400, { error: error instanceof Error ? error.message : String(error) });
    }
  };
}

/** `POST /__admin/…` on the API host: no auth, only on the fake. Bodies are JSON. */
export function adminRoutes(admin: FakePelotonAdmin, accounts: () => unknown): Route[] {
  const r = (method: string, pattern: string, fn: (req: FakeRequest) => FakeResponse): Route => ({
    method,
    pattern,
    handler: guarded(fn),
  });
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const then = (fn: (req: FakeRequest) => void) => (req: FakeRequest) => {
    fn(req);
    return ok();
  };
  return [
    r('GET', '/__admin/accounts', () => ok(accounts())),
    r('GET', '/__admin/stats', () => ok(admin.stats())),
    r(
      'POST',
      '/__admin/stats/reset',
      then(() => admin.resetStats()),
    ),
    r('POST', '/__admin/workouts', (req) =>
      ok(admin.addWorkout(str(req.body.userId), req.body as WorkoutPatch)),
    ),
    r('GET', '/__admin/users/{id}/workouts', (req) => ok(admin.listWorkouts(req.params.id ?? ''))),
    r('POST', '/__admin/workouts/{id}/complete', (req) =>
      ok(admin.completeWorkout(req.params.id ?? '', num(req.body.totalWorkJ))),
    ),
    r('POST', '/__admin/workouts/{id}/delete', (req) =>
      ok({ deleted: admin.deleteWorkout(req.params.id ?? '') }),
    ),
    r('DELETE', '/__admin/workouts/{id}', (req) => ok({ deleted: admin.deleteWorkout(req.params.id ?? '') })),
    r('POST', '/__admin/faults', (req) => {
      const off = req.body.off === true || req.body.rate === undefined;
      admin.setFaults(off ? null : (req.body as unknown as FaultOptions));
      return ok();
    }),
    r('POST', '/__admin/fail-next', (req) => {
      admin.failNext(
        str(req.body.kind) as FaultKind,
        num(req.body.count),
        str(req.body.pathPrefix) || undefined,
      );
      return ok();
    }),
    r('POST', '/__admin/latency', (req) => {
      const ms = req.body.latencyMs ?? req.body.ms;
      admin.setLatency((typeof ms === 'number' ? ms : (ms ?? req.body)) as LatencyOption);
      return ok();
    }),
    r(
      'POST',
      '/__admin/expire-tokens',
      then(() => admin.expireAllTokens()),
    ),
    r(
      'POST',
      '/__admin/revoke-refresh-tokens',
      then(() => admin.revokeRefreshTokens()),
    ),
    r(
      'POST',
      '/__admin/block-login',
      then((req) => admin.blockLogin(str(req.body.email), req.body.blocked !== false)),
    ),
    r(
      'POST',
      '/__admin/drop-csrf',
      then((req) => admin.dropCsrfCookie(num(req.body.count))),
    ),
    r('POST', '/__admin/tokens', (req) =>
      ok(admin.issueTokens(str(req.body.email), str(req.body.clientId) || undefined)),
    ),
  ];
}
