import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, type TooltipContentProps, YAxis } from 'recharts';
import type { MonthlyOutputRow } from '../../shared/reports';
import { formatMonth, monthsBetween } from '../format/dates';
import { monthRange } from '../format/days';
import { formatKj, plural } from '../format/numbers';
import { openWorkouts } from '../store/open-workouts';
import { lengthColor } from './class-type-colors';
import { Legend } from './Legend';
import { MonthAxis, monthAxisMargin } from './MonthAxis';
import { TooltipBox } from './TooltipBox';

type Props = { rows: MonthlyOutputRow[]; rider: string | null };

type Cell = { avg: number; n: number };
type MonthPoint = { month: string; cells: Record<number, Cell | undefined> };

export function pivotMonthlyOutput(rows: MonthlyOutputRow[]): { lengths: number[]; points: MonthPoint[] } {
  const lengths = [...new Set(rows.map((row) => row.lengthMin))].sort((a, b) => a - b);
  const months = rows.map((row) => row.month).sort();
  const byMonth = new Map<string, MonthPoint>();
  for (const month of monthsBetween(months[0] ?? '', months[months.length - 1] ?? '')) {
    byMonth.set(month, { month, cells: {} });
  }
  for (const row of rows) {
    const point = byMonth.get(row.month);
    if (point) point.cells[row.lengthMin] = { avg: row.avgOutputKj, n: row.n };
  }
  return { lengths, points: [...byMonth.values()] };
}

function OutputTooltip({ active, payload, label }: TooltipContentProps) {
  const point = payload?.[0]?.payload as MonthPoint | undefined;
  if (!active || !point) return null;
  const items = Object.entries(point.cells)
    .filter((entry): entry is [string, Cell] => Boolean(entry[1]))
    .map(([length, cell]) => ({
      name: `${length} min`,
      value: `${formatKj(cell.avg)} avg · ${plural(cell.n, 'ride', 'rides')}`,
      color: lengthColor(Number(length)),
    }));
  if (items.length === 0) return null;
  return (
    <TooltipBox title={formatMonth(String(label))} items={items} hint="Click a point to list its rides" />
  );
}

/** F7: a rider's monthly average output, a line per class length; months without rides are bridged. */
export const MonthlyOutputChart = memo(function MonthlyOutputChart({ rows, rider }: Props) {
  const { lengths, points } = useMemo(() => pivotMonthlyOutput(rows), [rows]);
  const months = useMemo(() => points.map((point) => point.month), [points]);
  return (
    <>
      <LineChart responsive data={points} margin={monthAxisMargin} style={{ width: '100%', height: 320 }}>
        <CartesianGrid vertical={false} />
        <MonthAxis months={months} />
        <YAxis width={44} tickMargin={4} domain={['auto', 'auto']} />
        <Tooltip content={OutputTooltip} cursor={{ strokeDasharray: '4 4' }} />
        {lengths.map((length) => (
          <Line
            key={length}
            name={`${length} min`}
            dataKey={(point: MonthPoint) => point.cells[length]?.avg ?? null}
            connectNulls
            stroke={lengthColor(length)}
            strokeWidth={2}
            dot={{ r: 3.5, strokeWidth: 0, fill: lengthColor(length), fillOpacity: 1 }}
            activeDot={(props: { cx?: number; cy?: number; payload?: MonthPoint }) => (
              // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the Workouts screen lists the same.
              <circle
                key={`${length}-active`}
                cx={props.cx}
                cy={props.cy}
                r={6}
                fill={lengthColor(length)}
                className="active-dot clickable"
                onClick={() => {
                  if (props.payload)
                    openWorkouts({ rider, lengths: [length], ...monthRange(props.payload.month) });
                }}
              />
            )}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      <Legend
        label="Class lengths"
        items={lengths.map((length) => ({
          key: String(length),
          label: `${length} min`,
          color: lengthColor(length),
        }))}
      />
    </>
  );
});
