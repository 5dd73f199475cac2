import { formatAgo } from '../format/dates';
import { useAppStore } from '../store/app-store';

/** Last sync, or the step a running sync is on (from `sync:progress` events). */
export function SyncStatus() {
  const progress = useAppStore((state) => state.syncProgress);
  const info = useAppStore((state) => state.data.info.value);

  if (progress) {
    return (
      <div className="sync-status" role="status">
        <p className="small">
          Syncing {progress.rider}: {progress.step}
        </p>
        <progress
          max={Math.max(progress.total, 1)}
          value={progress.done}
          aria-label={`Sync of ${progress.rider}`}
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
