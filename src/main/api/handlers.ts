import { basename } from 'node:path';
import type { ReportFilter } from '../../shared/reports';
import { filterOptions } from '../analytics/options';
import { listWorkouts } from '../analytics/workouts-list';
import { findRider, listRiders, removeRider } from '../cache/riders-repo';
import { hasDemo, loadDemo, removeDemo } from '../demo/demo-data';
import { UserError } from '../errors';
import { signInWithPassword, signInWithRefreshToken, signInWithTokens } from '../peloton/sign-in';
import type { Services } from '../services';
import { recentRuns } from '../sync/sync-ledger';
import { testPostgres } from '../targets/pg-test';
import { testS3 } from '../targets/s3-test';
import type { Handlers } from './dispatch';

declare const __APP_VERSION__: string | undefined;

/** The handlers of the API contract: thin, they call services and shape results. */
export function createHandlers(services: Services): Handlers {
  const { cache } = services;
  return {
    'app:info': () => {
      const counts = cache
        .prepare<[], { workouts: number; riders: number }>(
          'SELECT (SELECT COUNT(*) FROM workouts) AS workouts, (SELECT COUNT(*) FROM riders) AS riders',
        )
        .get() ?? { workouts: 0, riders: 0 };
      const last = cache
        .prepare<[], { t: number | null }>('SELECT MAX(last_sync_at) AS t FROM sync_state')
        .get();
      return {
        version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev',
        face: services.face === 'desktop' ? 'desktop' : 'serve',
        workouts: counts.workouts,
        riders: counts.riders,
        lastSyncAt: last?.t ? new Date(last.t * 1000).toISOString() : null,
        demo: hasDemo(cache),
      };
    },
    'reports:get': ({ name, filter }) => services.report(name, (filter ?? {}) as ReportFilter),
    'reports:options': () => filterOptions(cache, services.displayTimeZone()),
    'workouts:list': (query) => listWorkouts(cache, query, services.displayTimeZone()),
    'riders:list': () => listRiders(cache),
    'imports:csv': ({ fileName, text, rider }) =>
      services.importBytes(Buffer.from(text, 'utf8'), basename(fileName), { rider }),
    'demo:load': () => {
      const workouts = loadDemo(cache);
      services.events.emit('data:changed', { reason: 'import' });
      return { workouts };
    },
    'demo:remove': () => {
      const removed = removeDemo(cache);
      services.events.emit('data:changed', { reason: 'import' });
      return { removed };
    },
    'riders:add': (input) => {
      const deps = { cache, endpoints: services.peloton.endpoints(), tokens: services.peloton.tokens };
      if (input.method === 'password') return signInWithPassword(deps, input.email, input.password);
      if (input.method === 'refresh-token') return signInWithRefreshToken(deps, input.refreshToken);
      if (!services.peloton.browserSignIn) {
        throw new UserError(
          "Peloton's sign-in page opens only in the desktop app; here, sign in with email and password.",
          'bad_input',
        );
      }
      return services.peloton.browserSignIn().then((tokens) => signInWithTokens(deps, tokens));
    },
    'riders:remove': ({ id }) => {
      const rider = findRider(cache, id);
      services.peloton.tokens.remove(rider.id);
      const removed = removeRider(cache, rider.id);
      services.events.emit('data:changed', { reason: 'sync' });
      return { removed };
    },
    'settings:get': () => services.settings.view(),
    'sync:run': (input) => services.sync({ riders: input?.riders, since: input?.since, trigger: 'manual' }),
    'sync:history': () => recentRuns(cache),
    'targets:test-postgres': (input) => {
      const saved = services.settings.get('postgres.url');
      return testPostgres(input?.url ?? (typeof saved === 'string' ? saved : null));
    },
    'targets:test-s3': () => testS3(services.settings),
    'settings:update': (change) => {
      const view = services.settings.update(change);
      services.events.emit('data:changed', { reason: 'settings' });
      return view;
    },
  };
}
