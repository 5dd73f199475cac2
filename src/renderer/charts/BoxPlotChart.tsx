import { memo, useMemo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Tooltip, type TooltipContentProps, XAxis, YAxis } from 'recharts';
import type { OutputByLengthRow } from '../../shared/reports';
import { formatOneDecimal, plural } from '../format/numbers';
import { openWorkouts } from '../store/open-workouts';
import { boxShape } from './box-shape';
import { Legend } from './Legend';
import { niceAxis } from './nice-axis';

type Props = { rows: OutputByLengthRow[]; colorOf: (rider: string) => string; rideTypes: string[] };

type LengthPoint = { lengthMin: number; stats: Record<string, OutputByLengthRow | undefined> };

function BoxTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as LengthPoint | undefined;
  if (!active || !point) return null;
  const rows = Object.values(point.stats).filter((row): row is OutputByLengthRow => Boolean(row));
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-label">{point.lengthMin}-minute classes · output in kJ</p>
      {rows.map((row) => (
        <dl key={row.rider} className="box-stats">
          <dt>
            {row.rider} <span className="muted">({plural(row.n, 'ride', 'rides')})</span>
          </dt>
          <dd>
            median {formatOneDecimal(row.median)} · Q1–Q3 {formatOneDecimal(row.q1)}–
            {formatOneDecimal(row.q3)}
          </dd>
          <dd>
            min–max {formatOneDecimal(row.min)}–{formatOneDecimal(row.max)} · mean{' '}
            {formatOneDecimal(row.mean)}
          </dd>
        </dl>
      ))}
      <p className="chart-tooltip-hint muted small">Click a box to list its rides</p>
    </div>
  );
}

/**
 * F6: output by class length, a box per rider. Recharts has no box plot: an invisible
 * bar lifts each box to its minimum, and a stacked bar from min to max draws the box.
 * Whiskers reach the raw minimum and maximum (the report carries no 1.5 × IQR ends).
 */
export const BoxPlotChart = memo(function BoxPlotChart({ rows, colorOf, rideTypes }: Props) {
  const { riders, points, axis } = useMemo(() => {
    const riderNames = [...new Set(rows.map((row) => row.rider))].sort();
    const byLength = new Map<number, LengthPoint>();
    for (const row of rows) {
      const point = byLength.get(row.lengthMin) ?? { lengthMin: row.lengthMin, stats: {} };
      point.stats[row.rider] = row;
      byLength.set(row.lengthMin, point);
    }
    return {
      riders: riderNames,
      points: [...byLength.values()].sort((a, b) => a.lengthMin - b.lengthMin),
      axis: niceAxis(rows.flatMap((row) => [row.min, row.max])),
    };
  }, [rows]);

  return (
    <>
      <ComposedChart
        responsive
        data={points}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        style={{ width: '100%', height: 340 }}
        barCategoryGap="24%"
        barGap={6}
      >
        <CartesianGrid vertical={false} />
        <XAxis dataKey="lengthMin" tickFormatter={(v) => `${v} min`} tickMargin={8} />
        <YAxis domain={axis.domain} ticks={axis.ticks} allowDataOverflow width={48} tickMargin={4} />
        <Tooltip content={BoxTooltip} cursor={{ fillOpacity: 0.06 }} />
        {riders.flatMap((rider) => [
          <Bar
            key={`${rider}-base`}
            dataKey={(point: LengthPoint) => point.stats[rider]?.min ?? null}
            stackId={rider}
            maxBarSize={64}
            fill="transparent"
            isAnimationActive={false}
            tooltipType="none"
            legendType="none"
          />,
          <Bar
            key={`${rider}-box`}
            name={rider}
            dataKey={(point: LengthPoint) => {
              const row = point.stats[rider];
              return row ? Math.max(row.max - row.min, 1e-6) : null;
            }}
            stackId={rider}
            maxBarSize={64}
            fill={colorOf(rider)}
            shape={boxShape((props) => (props.payload as LengthPoint).stats[rider], colorOf(rider))}
            className="clickable"
            isAnimationActive={false}
            onClick={(bar) =>
              openWorkouts({
                rider,
                lengths: [(bar.payload as LengthPoint).lengthMin],
                classTypes: rideTypes,
              })
            }
          />,
        ])}
      </ComposedChart>
      <Legend
        label="Riders"
        items={riders.map((rider) => ({
          key: rider,
          label: rider,
          color: colorOf(rider),
          note: plural(
            rows.filter((row) => row.rider === rider).reduce((sum, row) => sum + row.n, 0),
            'ride',
            'rides',
          ),
        }))}
      />
    </>
  );
});
