import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonthlyCountRow } from '../../shared/reports';
import { formatMonth } from '../format/dates';
import { plural } from '../format/numbers';
import { CountTooltip } from './CountTooltip';
import { type MonthPoint, pivotMonthly } from './pivot-monthly';

type Props = { rows: MonthlyCountRow[]; colorOf: (rider: string) => string };

/** F1: workouts per month, one line per rider, empty months drawn as 0. */
export function MonthlyCountsChart({ rows, colorOf }: Props) {
  const { riders, points } = useMemo(() => pivotMonthly(rows), [rows]);
  const totals = useMemo(
    () => riders.map((_, i) => points.reduce((n, p) => n + (p.counts[i] ?? 0), 0)),
    [riders, points],
  );
  // A line through one or two points is invisible without its dots.
  const dot = points.length <= 24 ? { r: 3, strokeWidth: 0, fillOpacity: 1 } : false;

  return (
    <figure
      className="panel chart-panel"
      aria-label="Workouts per month per rider"
      data-testid="chart-monthly-counts"
    >
      <figcaption className="panel-head">
        <h2>Workouts per month</h2>
        <p className="muted">Every class type; a month without a workout counts as 0.</p>
      </figcaption>
      <div className="chart-body">
        <LineChart
          responsive
          data={points}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          style={chartSize}
        >
          <CartesianGrid vertical={false} />
          <XAxis dataKey="month" tickFormatter={formatMonth} minTickGap={28} tickMargin={8} />
          <YAxis allowDecimals={false} width={36} tickMargin={4} />
          <Tooltip content={CountTooltip} cursor={{ strokeDasharray: '4 4' }} />
          {riders.map((rider, index) => (
            <Line
              key={rider}
              name={rider}
              dataKey={(point: MonthPoint) => point.counts[index]}
              type="monotone"
              stroke={colorOf(rider)}
              fill={colorOf(rider)}
              strokeWidth={2.25}
              dot={dot}
              activeDot={{ r: 5 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
      <ul className="legend" aria-label="Riders">
        {riders.map((rider, index) => (
          <li key={rider}>
            <span className="swatch" style={{ background: colorOf(rider) }} aria-hidden="true" />
            <span>{rider}</span>
            <span className="muted">{plural(totals[index] ?? 0, 'workout', 'workouts')}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

const chartSize = { width: '100%', height: 300 };
