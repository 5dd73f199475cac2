import type { RiderSyncResult, SyncResult as SharedSyncResult } from '../../shared/model';
import { startOfDay } from '../analytics/time-zone';
import { findRider, pelotonRiders } from '../cache/riders-repo';
import { UserError } from '../errors';
import { createApiClient } from '../peloton/api-client';
import { pelotonApi } from '../peloton/peloton-api';
import type { Services } from '../services';
import { deliverTargets, type TargetsResult } from '../targets/deliver-targets';
import { fetchDetails } from './fetch-details';
import { fetchWorkouts, type RiderRef } from './fetch-workouts';
import { finishRun, markSynced, startRun, syncState } from './sync-ledger';
import { acquireSyncLock } from './sync-lock';

export type SyncOptions = {
  /** Rider ids or names; all signed-in riders when empty. */
  riders?: string[];
  /** `YYYY-MM-DD`: re-fetch everything from that day (UTC) on. */
  since?: string;
  trigger?: 'manual' | 'schedule' | 'startup' | 'cli';
};

export type { RiderSyncResult } from '../../shared/model';

/** What `spoke sync --json` prints; `waiting` is always present on the main side. */
export type SyncResult = SharedSyncResult & { waiting: TargetsResult['waiting'] };

/**
 * One sync: per rider, fetch new and changed workouts into the cache, then fill
 * their averages; the high-water mark advances only after the rider's writes have
 * committed. At most one sync runs per data folder.
 */
export async function runSync(services: Services, options: SyncOptions = {}): Promise<SyncResult> {
  const started = Date.now();
  const { cache: db, events } = services;
  const riders: RiderRef[] = options.riders?.length
    ? options.riders.map((r) => findRider(db, r))
    : pelotonRiders(db);
  if (riders.length === 0) {
    throw new UserError(
      'No Peloton rider is signed in. Add one in Settings or with `spoke rider add --email EMAIL --password-stdin`.',
    );
  }
  const sinceSec = options.since ? startOfDay(options.since, 'UTC') : null;
  const release = acquireSyncLock(services.dataDir);
  const runId = startRun(db, options.trigger ?? 'manual');
  const endpoints = services.peloton.endpoints();
  const result: SyncResult = {
    riders: [],
    requests: 0,
    csvFiles: [],
    s3Keys: [],
    postgres: null,
    durationMs: 0,
    waiting: [],
  };
  let instructors: Promise<Map<string, string>> | null = null;
  try {
    for (const rider of riders) {
      const client = createApiClient({
        apiUrl: endpoints.apiUrl,
        tokens: services.peloton.tokens.source(rider.id),
        log: services.log,
        retryBaseMs: services.peloton.retryBaseMs,
      });
      const api = pelotonApi(client);
      const progress = (step: string) => (done: number, total: number) =>
        events.emit('sync:progress', { riderId: rider.id, rider: rider.name, step, done, total });
      const row: RiderSyncResult = { id: rider.id, name: rider.name, fetched: 0, inserted: 0, updated: 0 };
      result.riders.push(row);
      const counts = { fetched: 0, inserted: 0, updated: 0, newestCreatedAt: null };
      try {
        const fetched = await fetchWorkouts(
          db,
          api,
          rider,
          {
            highWaterMark: sinceSec === null ? syncState(db, rider.id).highWaterMark : null,
            sinceSec,
            instructors: () => {
              instructors ??= api.instructors();
              return instructors;
            },
          },
          progress('workouts'),
          counts,
        );
        await fetchDetails(db, api, rider, progress('details'));
        markSynced(db, rider.id, fetched.newestCreatedAt);
      } catch (error) {
        if (!(error instanceof UserError)) services.log.error('sync failed', { rider: rider.id, error });
        row.error =
          error instanceof UserError ? error.message : 'Something went wrong inside Spoke; see the log.';
      } finally {
        Object.assign(row, { fetched: counts.fetched, inserted: counts.inserted, updated: counts.updated });
        result.requests += client.requests;
      }
    }
    // Daily CSVs, S3 and Postgres, after every rider: also what earlier syncs still owe.
    const targetProgress = (step: string) => (done: number, total: number) =>
      events.emit('sync:progress', { riderId: '', rider: 'All riders', step, done, total });
    Object.assign(result, await deliverTargets(services, targetProgress));
    result.durationMs = Date.now() - started;
    const failed = result.riders.filter((r) => r.error);
    finishRun(db, runId, {
      status:
        failed.length === riders.length
          ? 'failed'
          : failed.length > 0 || result.waiting.length > 0
            ? 'partial'
            : 'ok',
      summary: result,
      error:
        [
          ...failed.map((r) => `${r.name}: ${r.error}`),
          ...result.waiting.slice(0, 1).map((w) => `${w.target} waiting: ${w.error}`),
        ].join('\n') || undefined,
    });
    if (result.riders.some((r) => r.inserted + r.updated > 0))
      events.emit('data:changed', { reason: 'sync' });
    return result;
  } catch (error) {
    finishRun(db, runId, { status: 'failed', error: (error as Error).message });
    throw error;
  } finally {
    release();
  }
}
