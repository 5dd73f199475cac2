import { syncStepLabel } from '../format/labels';
import { formatCount } from '../format/numbers';
import { useSyncStore } from '../store/sync-store';

/** A bar per rider and step of the running (or last) sync, from `sync:progress` events. */
export function SyncProgressBars() {
  const progress = useSyncStore((state) => state.progress);
  const entries = Object.entries(progress);
  if (entries.length === 0) return null;
  return (
    <ul className="progress-list" aria-label="Sync progress">
      {entries.map(([key, p]) => {
        const label = `${p.rider}: ${syncStepLabel(p.step)}`;
        const done = p.total > 0 && p.done >= p.total;
        return (
          <li key={key}>
            <span className="progress-label">{label}</span>
            <progress
              max={Math.max(p.total, 1)}
              value={p.total > 0 ? p.done : undefined}
              aria-label={label}
            />
            <span className="muted small progress-count">
              {done ? 'done' : p.total > 0 ? `${formatCount(p.done)} / ${formatCount(p.total)}` : '…'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
