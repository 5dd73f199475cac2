import { adminRoutes, createAdmin } from './admin';
import { apiRoutes } from './api-routes';
import { authRoutes, type LoginGuard } from './auth-routes';
import { createAuthState } from './auth-state';
import { REDIRECT_URI } from './constants';
import { createFaults } from './faults';
import type { Route } from './http';
import { type Runtime, startHost, stopHost } from './server';
import { createStats } from './stats';
import { createStore } from './store';
import { tokenRoutes } from './token-routes';
import type { FakeAccount, FakePeloton, FakePelotonOptions } from './types';

export {
  AUDIENCE,
  CONNECTION,
  MOBILE_CLIENT_ID,
  REDIRECT_URI,
  TENANT,
  USER_ID_CLAIM,
  WEB_CLIENT_ID,
  WEB_SCOPE,
} from './constants';
export { CSV_COLUMNS_IMPERIAL, CSV_COLUMNS_METRIC } from './csv-export';
export type {
  FakeAccount,
  FakePeloton,
  FakePelotonAdmin,
  FakePelotonOptions,
  FakeStats,
  FaultKind,
  FaultOptions,
  LatencyOption,
  RiderSpec,
  TokenResponse,
  WorkoutKind,
  WorkoutPatch,
  WorkoutSummary,
} from './types';
export { FAULT_KINDS } from './types';

/**
 * Starts a fake Peloton: an API host and an Auth0-like auth host, each an HTTP server on
 * 127.0.0.1, serving seeded, deterministic fixtures (peloton-api.md section 6).
 */
export async function startFakePeloton(options: FakePelotonOptions = {}): Promise<FakePeloton> {
  const store = createStore(options);
  const runtime: Runtime = {
    stats: createStats(),
    faults: createFaults(options.seed ?? 1, options.faults ?? null),
    latency: options.latencyMs ?? 0,
    maxInFlightPerToken: options.maxInFlightPerToken ?? 6,
    timers: new Set(),
  };
  let authUrl = '';
  const auth = createAuthState({
    issuer: 'https://auth.onepeloton.com/',
    ttlSec: options.tokenTtlSec ?? 172_800,
    rotate: options.rotateRefreshTokens ?? true,
    now: options.now ?? Date.now,
    stats: runtime.stats,
  });
  const guard: LoginGuard = {
    blocked: new Set(),
    failures: new Map(),
    maxFailed: options.maxFailedLogins ?? 10,
    dropCsrf: 0,
  };
  const redirectUris = new Set([REDIRECT_URI, ...(options.redirectUris ?? [])]);
  const accounts: FakeAccount[] = store.riders.map((r) => ({
    email: r.email,
    password: r.password,
    userId: r.userId,
    name: r.name,
    username: r.username,
    timezone: r.timezone,
    distanceUnit: r.distanceUnit,
  }));
  const admin = createAdmin({ store, auth, runtime, guard });

  const authHostRoutes: Route[] = [
    ...authRoutes({ store, auth, authUrl: () => authUrl, redirectUris, guard }),
    ...tokenRoutes({ store, auth, guard }),
  ];
  const apiHostRoutes = apiRoutes({
    store,
    auth,
    graphGaps: options.graphGaps ?? false,
    schemaDrift: options.schemaDrift ?? false,
  });
  const authHost = await startHost({ host: 'auth', routes: authHostRoutes, runtime }, options.authPort ?? 0);
  authUrl = authHost.url;
  const apiHost = await startHost(
    { host: 'api', routes: apiHostRoutes, adminRoutes: adminRoutes(admin, () => accounts), runtime },
    options.apiPort ?? 0,
  ).catch(async (error: unknown) => {
    await stopHost(authHost.server);
    throw error;
  });

  return {
    apiUrl: apiHost.url,
    authUrl,
    accounts,
    admin,
    async close() {
      for (const t of runtime.timers) clearTimeout(t);
      runtime.timers.clear();
      await Promise.all([stopHost(apiHost.server), stopHost(authHost.server)]);
    },
  };
}
