import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, YAxis } from 'recharts';
import type { MonthlyCountRow } from '../../shared/reports';
import { monthRange } from '../format/days';
import { plural } from '../format/numbers';
import { openWorkouts } from '../store/open-workouts';
import { CountTooltip } from './CountTooltip';
import { Legend } from './Legend';
import { MonthAxis, monthAxisMargin } from './MonthAxis';
import { type MonthPoint, pivotMonthly } from './pivot-monthly';

type Props = { rows: MonthlyCountRow[]; colorOf: (rider: string) => string };

/** Workouts of one month: of one rider when their dot was clicked, else of every rider shown. */
function openMonth(month: unknown, rider: string | null) {
  if (typeof month !== 'string' || !/^\d{4}-\d{2}$/.test(month)) return;
  openWorkouts({ ...monthRange(month), rider });
}

/**
 * F1: workouts per month, one line per rider, empty months drawn as 0. Click a month to list it.
 * Memoised: a filter click re-renders the screen at once, but this chart only when its rows arrive.
 */
export const MonthlyCountsChart = memo(function MonthlyCountsChart({ rows, colorOf }: Props) {
  const { riders, points } = useMemo(() => pivotMonthly(rows), [rows]);
  const months = useMemo(() => points.map((point) => point.month), [points]);
  const totals = useMemo(
    () => riders.map((_, i) => points.reduce((n, p) => n + (p.counts[i] ?? 0), 0)),
    [riders, points],
  );
  // A line through one or two points is invisible without its dots.
  const dot = points.length <= 24 ? { r: 3, strokeWidth: 0, fillOpacity: 1 } : false;

  return (
    <>
      <LineChart
        responsive
        data={points}
        margin={monthAxisMargin}
        style={chartSize}
        className="clickable"
        onClick={(state) => openMonth(state.activeLabel, null)}
      >
        <CartesianGrid vertical={false} />
        <MonthAxis months={months} />
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
            activeDot={(props: { cx?: number; cy?: number; payload?: MonthPoint }) => (
              // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the Workouts screen lists the same.
              <circle
                key={`${rider}-active`}
                cx={props.cx}
                cy={props.cy}
                r={5}
                fill={colorOf(rider)}
                className="active-dot"
                onClick={(event) => {
                  event.stopPropagation();
                  openMonth(props.payload?.month, rider);
                }}
              />
            )}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      <Legend
        label="Riders"
        items={riders.map((rider, index) => ({
          key: rider,
          label: rider,
          color: colorOf(rider),
          note: plural(totals[index] ?? 0, 'workout', 'workouts'),
        }))}
      />
    </>
  );
});

const chartSize = { width: '100%', height: 300 };
