import type { StreakRow } from '../../shared/reports';
import { formatDay } from '../format/dates';
import { plural } from '../format/numbers';

const day = (value: string | null) => (value ? formatDay(`${value.slice(0, 10)}T12:00:00Z`) : '');

/** Current and longest runs of consecutive days with a workout, and the active days in the dates. */
export function StreakCards({ row }: { row: StreakRow | undefined }) {
  if (!row) return <p className="muted">No workouts in these dates, so no streaks.</p>;
  return (
    <dl className="stats streaks" data-testid="streaks">
      <div>
        <dt>Current streak</dt>
        <dd>
          {row.currentDays} <span className="unit">{row.currentDays === 1 ? 'day' : 'days'}</span>
        </dd>
      </div>
      <div>
        <dt>Longest streak</dt>
        <dd>
          {row.longestDays} <span className="unit">{row.longestDays === 1 ? 'day' : 'days'}</span>
        </dd>
        {row.longestStart ? (
          <dd className="streak-when muted small">
            {day(row.longestStart)} – {day(row.longestEnd)}
          </dd>
        ) : null}
      </div>
      <div>
        <dt>Active days</dt>
        <dd>{plural(row.activeDays, 'day', 'days').split(' ')[0]}</dd>
      </div>
    </dl>
  );
}
