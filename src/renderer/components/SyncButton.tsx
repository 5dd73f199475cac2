import { plural } from '../format/numbers';
import { isSyncing, newWorkouts, useSyncStore } from '../store/sync-store';

/** "Sync now" in every screen's header, with one line on how the last run went. */
export function SyncButton() {
  const syncing = useSyncStore(isSyncing);
  const syncNow = useSyncStore((state) => state.syncNow);
  const result = useSyncStore((state) => state.result);
  const error = useSyncStore((state) => state.error);
  const failed = result?.riders.filter((rider) => rider.error) ?? [];

  return (
    <div className="sync-button">
      {syncing ? null : error ? (
        <a className="sync-outcome sync-outcome-error small" href="#/sync">
          Sync failed: see Sync
        </a>
      ) : result ? (
        <a className={`sync-outcome small${failed.length > 0 ? ' sync-outcome-error' : ''}`} href="#/sync">
          {failed.length > 0
            ? `${plural(failed.length, 'rider', 'riders')} failed`
            : `${plural(newWorkouts(result), 'new workout', 'new workouts')}`}
        </a>
      ) : null}
      <button
        type="button"
        className="button"
        onClick={() => void syncNow()}
        disabled={syncing}
        aria-busy={syncing}
      >
        {syncing ? <span className="spinner spinner-small" aria-hidden="true" /> : null}
        {syncing ? 'Syncing…' : 'Sync now'}
      </button>
    </div>
  );
}
