import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, type TooltipContentProps, XAxis, YAxis } from 'recharts';
import type { WeeklyRow } from '../../shared/reports';
import { addDays, weekRange } from '../format/days';
import { formatKj, minutesParts, plural } from '../format/numbers';
import { openWorkouts } from '../store/open-workouts';
import { downsample } from './downsample';
import { TooltipBox } from './TooltipBox';

type Props = { rows: WeeklyRow[]; rider: string | null; color: string };

type WeekPoint = WeeklyRow & { from: string; to: string };

const duration = (minutes: number) =>
  minutesParts(minutes)
    .map(([v, unit]) => `${v} ${unit}`)
    .join(' ');

function WeekTooltip({ active, payload }: TooltipContentProps) {
  const week = payload?.[0]?.payload as WeekPoint | undefined;
  if (!active || !week) return null;
  return (
    <TooltipBox
      title={`${week.from} – ${week.to}`}
      items={[
        { name: 'Time', value: duration(week.minutes) },
        { name: 'Workouts', value: plural(week.workouts, 'workout', 'workouts') },
        { name: 'Output', value: formatKj(week.outputKj) },
      ]}
      hint="Click a bar to list the week"
    />
  );
}

/** Minutes of exercise per ISO week (weeks merged when there are more than ~400). */
export const WeeklyVolumeChart = memo(function WeeklyVolumeChart({ rows, rider, color }: Props) {
  const points = useMemo(() => {
    const weeks = rows
      .filter((row) => !rider || row.rider === rider)
      .sort((a, b) => a.week.localeCompare(b.week))
      .map((row) => ({ ...row, ...weekRange(row.week) }));
    const merged = downsample(weeks, ['workouts', 'minutes', 'outputKj']);
    // A merged bar covers its weeks: it ends the day before the next one starts.
    return merged.map((point, i) => {
      const next = merged[i + 1];
      return { ...point, to: next ? addDays(next.from, -1) : (weeks[weeks.length - 1]?.to ?? point.to) };
    });
  }, [rows, rider]);
  return (
    <BarChart
      responsive
      data={points}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      style={{ width: '100%', height: 240 }}
      barCategoryGap={1}
    >
      <CartesianGrid vertical={false} />
      <XAxis dataKey="from" minTickGap={40} tickMargin={8} />
      <YAxis width={44} tickMargin={4} />
      <Tooltip content={WeekTooltip} cursor={{ fillOpacity: 0.08 }} />
      <Bar
        dataKey="minutes"
        name="Minutes"
        fill={color}
        radius={[2, 2, 0, 0]}
        className="clickable"
        isAnimationActive={false}
        onClick={(bar) => {
          const week = bar.payload as WeekPoint;
          openWorkouts({ rider, from: week.from, to: week.to });
        }}
      />
    </BarChart>
  );
});
