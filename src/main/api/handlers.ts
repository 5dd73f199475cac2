import type { ReportFilter } from '../../shared/reports';
import { listRiders } from '../cache/riders-repo';
import type { Services } from '../services';
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
      };
    },
    'reports:get': ({ name, filter }) => services.report(name, (filter ?? {}) as ReportFilter),
    'riders:list': () => listRiders(cache),
    'settings:get': () => services.settings.view(),
    'settings:update': (change) => {
      const view = services.settings.update(change);
      services.events.emit('data:changed', { reason: 'settings' });
      return view;
    },
  };
}
