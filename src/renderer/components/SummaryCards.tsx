import { memo } from 'react';
import type { SummaryRow } from '../../shared/reports';
import { formatDay } from '../format/dates';
import { formatCount, minutesParts } from '../format/numbers';

type Props = { rows: SummaryRow[]; colorOf: (rider: string) => string };

/** One card of totals per rider: workouts, time, output and the span they cover. */
export const SummaryCards = memo(function SummaryCards({ rows, colorOf }: Props) {
  return (
    <ul className="cards" aria-label="Per-rider summary" data-testid="summary-cards">
      {rows.map((row) => (
        <li key={row.rider} className="card" style={{ borderTopColor: colorOf(row.rider) }}>
          <h2 className="card-title">
            <span className="swatch" style={{ background: colorOf(row.rider) }} aria-hidden="true" />
            {row.rider}
          </h2>
          <dl className="stats">
            <div>
              <dt>Workouts</dt>
              <dd>{formatCount(row.workouts)}</dd>
            </div>
            <div>
              <dt>Time</dt>
              <dd title={`${formatCount(row.minutes)} minutes`}>
                {minutesParts(row.minutes).map(([value, unit]) => (
                  <span key={unit}>
                    {formatCount(value)} <span className="unit">{unit}</span>{' '}
                  </span>
                ))}
              </dd>
            </div>
            <div>
              <dt>Output</dt>
              <dd>
                {formatCount(row.outputKj)} <span className="unit">kJ</span>
              </dd>
            </div>
          </dl>
          <p className="card-foot muted small">
            {formatDay(row.firstWorkout)} – {formatDay(row.lastWorkout)}
          </p>
        </li>
      ))}
    </ul>
  );
});
