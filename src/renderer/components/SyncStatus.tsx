import { formatAgo } from '../format/dates';
import { syncStepLabel } from '../format/labels';
import { useAppStore } from '../store/app-store';
import { isSyncing, useSyncStore } from '../store/sync-store';

/** Last sync, or the step a running sync is on (from `sync:progress` events). */
export function SyncStatus() {
  const progress = useSyncStore((state) => Object.values(state.progress).at(-1));
  const syncing = useSyncStore(isSyncing);
  const info = useAppStore((state) => state.data.info.value);

  if (syncing) {
    return (
      <div className="sync-status" role="status">
        <p className="small">
          {progress ? `Syncing ${progress.rider}: ${syncStepLabel(progress.step)}` : 'Syncing…'}
        </p>
        <progress
          max={Math.max(progress?.total ?? 1, 1)}
          value={progress?.done ?? 0}
          aria-label={progress ? `Sync of ${progress.rider}` : 'Sync'}
        />
      </div>
    );
  }
  if (!info) return null;
  return (
    <p className="sync-status small">
      <span className="muted">Last sync </span>
      {info.lastSyncAt ? <time dateTime={info.lastSyncAt}>{formatAgo(info.lastSyncAt)}</time> : 'never'}
    </p>
  );
}
