import type { SyncResult, SyncRun } from '../../shared/model';
import { formatAgo } from '../format/dates';
import { plural } from '../format/numbers';
import { ErrorExplained } from './ErrorExplained';

function isResult(value: unknown): value is SyncResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as SyncResult).riders);
}

function duration(run: SyncRun, summary: SyncResult | null): string {
  if (!run.finishedAt) return 'running';
  // The summary times the run in milliseconds; the run's own stamps are whole seconds.
  const seconds = summary
    ? summary.durationMs / 1000
    : (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
  return Number.isFinite(seconds) ? `${seconds.toFixed(seconds < 10 ? 1 : 0)} s` : '';
}

/** Past runs, newest first: when, how it was started, how it went, and each error with its next step. */
export function SyncHistory({ runs }: { runs: SyncRun[] }) {
  return (
    <table className="data-table" aria-label="Sync runs">
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">How</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Took
          </th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const summary = isResult(run.summary) ? run.summary : null;
          const inserted = summary?.riders.reduce((n, r) => n + r.inserted, 0) ?? null;
          return (
            <tr key={run.id}>
              <td className="nowrap">
                <time dateTime={run.startedAt} title={new Date(run.startedAt).toLocaleString()}>
                  {formatAgo(run.startedAt)}
                </time>
              </td>
              <td>{run.kind}</td>
              <td>
                <span className={`badge badge-${run.status}`}>{run.status}</span>
              </td>
              <td className="num">{duration(run, summary)}</td>
              <td>
                {inserted !== null ? <p>{plural(inserted, 'new workout', 'new workouts')}</p> : null}
                {run.error
                  ? run.error.split('\n').map((line) => (
                      <p key={line}>
                        <ErrorExplained message={line} />
                      </p>
                    ))
                  : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
