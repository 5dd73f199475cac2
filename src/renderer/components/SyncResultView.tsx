import type { SyncResult } from '../../shared/model';
import { formatCount, plural } from '../format/numbers';
import { ErrorExplained } from './ErrorExplained';

/** What a sync did: per rider, what it delivered, and what still waits for the next one and why. */
export function SyncResultView({ result }: { result: SyncResult }) {
  const waiting = result.waiting ?? [];
  return (
    <div className="sync-result" data-testid="sync-result">
      <table className="data-table" aria-label="Riders synced">
        <thead>
          <tr>
            <th scope="col">Rider</th>
            <th scope="col" className="num">
              Fetched
            </th>
            <th scope="col" className="num">
              New
            </th>
            <th scope="col" className="num">
              Updated
            </th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {result.riders.map((rider) => (
            <tr key={rider.id}>
              <td>{rider.name}</td>
              <td className="num">{formatCount(rider.fetched)}</td>
              <td className="num strong">{formatCount(rider.inserted)}</td>
              <td className="num">{formatCount(rider.updated)}</td>
              <td>
                {rider.error ? (
                  <ErrorExplained message={rider.error} />
                ) : (
                  <span className="ok-text">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="delivery-list">
        <li>{plural(result.csvFiles.length, 'daily CSV file', 'daily CSV files')} written</li>
        <li>{plural(result.s3Keys.length, 'file', 'files')} uploaded to S3</li>
        <li>
          {result.postgres
            ? `${plural(result.postgres.upserted, 'row', 'rows')} upserted into Postgres`
            : 'Postgres not set up'}
        </li>
        <li className="muted">
          {plural(result.requests, 'request', 'requests')} to Peloton in{' '}
          {(result.durationMs / 1000).toFixed(1)} s
        </li>
      </ul>
      {waiting.length > 0 ? (
        <>
          <h3 className="sub-title">Waiting for the next sync</h3>
          <table className="data-table" aria-label="Waiting deliveries">
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">What</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((item) => (
                <tr key={`${item.target}\n${item.item}`}>
                  <td>{item.target}</td>
                  <td>
                    <code>{item.item}</code>
                  </td>
                  <td className="num">{item.attempts}</td>
                  <td>{item.error ? <ErrorExplained message={item.error} /> : 'not tried yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="ok-text">Nothing is waiting to be uploaded.</p>
      )}
    </div>
  );
}
