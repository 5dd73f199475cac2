import { call } from '../api/client';
import { ErrorExplained } from '../components/ErrorExplained';
import { ScreenHeader } from '../components/ScreenHeader';
import { ErrorState, LoadingState } from '../components/States';
import { SyncHistory } from '../components/SyncHistory';
import { SyncProgressBars } from '../components/SyncProgressBars';
import { SyncResultView } from '../components/SyncResultView';
import { formatAgo } from '../format/dates';
import { useAppStore } from '../store/app-store';
import { isSyncing, useSyncStore } from '../store/sync-store';
import { useQuery } from '../store/use-query';

/** Sync now, its progress per rider and step, its outcome, and the history of runs. */
export function SyncScreen() {
  const info = useAppStore((state) => state.data.info.value);
  const syncing = useSyncStore(isSyncing);
  const { result, error, finishedAt, runs } = useSyncStore();
  const history = useQuery(`history|${runs}`, () => call('sync:history'));

  return (
    <>
      <ScreenHeader title="Sync">
        <p className="muted">Last sync {info?.lastSyncAt ? formatAgo(info.lastSyncAt) : 'never'}</p>
      </ScreenHeader>
      <div className="screen-body">
        <section className="panel section" aria-labelledby="sync-now-title">
          <h2 id="sync-now-title">{syncing ? 'Syncing…' : 'This sync'}</h2>
          <p className="muted">
            Sync now fetches new workouts of every signed-in rider, then writes the daily CSVs and uploads to
            S3 and Postgres when they are set up. The daily schedule is in Settings.
          </p>
          <SyncProgressBars />
          {error ? (
            <p className="field-error" role="alert">
              <ErrorExplained message={error.message} />
            </p>
          ) : null}
          {result && !syncing ? (
            <>
              <p className="muted small">Finished {finishedAt ? formatAgo(finishedAt) : ''}.</p>
              <SyncResultView result={result} />
            </>
          ) : null}
          {!result && !error && !syncing ? <p>Press Sync now (top right) to fetch new workouts.</p> : null}
        </section>
        <section className="panel section" aria-labelledby="sync-history-title">
          <h2 id="sync-history-title">Run history</h2>
          {history.value ? (
            history.value.length > 0 ? (
              <div className="table-scroll">
                <SyncHistory runs={history.value} />
              </div>
            ) : (
              <p className="muted">No sync has run yet.</p>
            )
          ) : history.error ? (
            <ErrorState what="the run history" error={history.error} onRetry={history.reload} />
          ) : (
            <LoadingState what="the run history" />
          )}
        </section>
      </div>
    </>
  );
}
