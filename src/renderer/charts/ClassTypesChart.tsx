import { memo, useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import type { ClassTypeRow } from '../../shared/reports';
import { classTypeLabel } from '../format/labels';
import { plural } from '../format/numbers';
import { openWorkouts } from '../store/open-workouts';
import { RiderLegend } from './Legend';
import { TooltipBox } from './TooltipBox';

type Props = { rows: ClassTypeRow[]; colorOf: (rider: string) => string };

type TypePoint = { classType: string; total: number; counts: Record<string, number | undefined> };

/** Class types by total count, largest first (the notebook's order), with each rider's count. */
export function pivotClassTypes(rows: ClassTypeRow[]): { riders: string[]; points: TypePoint[] } {
  const riders = [...new Set(rows.map((row) => row.rider))].sort();
  const byType = new Map<string, TypePoint>();
  for (const row of rows) {
    const point = byType.get(row.classType) ?? { classType: row.classType, total: 0, counts: {} };
    point.counts[row.rider] = row.workouts;
    point.total += row.workouts;
    byType.set(row.classType, point);
  }
  const points = [...byType.values()].sort(
    (a, b) => b.total - a.total || a.classType.localeCompare(b.classType),
  );
  return { riders, points };
}

function TypeTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as TypePoint | undefined;
  if (!active || !point) return null;
  const items = payload
    .filter((item) => typeof item.value === 'number')
    .map((item) => ({
      name: String(item.name),
      value: plural(Number(item.value), 'class', 'classes'),
      color: String(item.color),
    }));
  return <TooltipBox title={classTypeLabel(point.classType)} items={items} hint="Click a bar to list them" />;
}

/** F2: classes per class type, a bar per rider, every bar labelled with its count. */
export const ClassTypesChart = memo(function ClassTypesChart({ rows, colorOf }: Props) {
  const { riders, points } = useMemo(() => pivotClassTypes(rows), [rows]);
  return (
    <>
      <BarChart
        responsive
        data={points}
        margin={{ top: 20, right: 16, bottom: 0, left: 0 }}
        style={{ width: '100%', height: 320 }}
        barCategoryGap="18%"
      >
        <CartesianGrid vertical={false} />
        <XAxis
          dataKey="classType"
          tickFormatter={classTypeLabel}
          interval={0}
          tickMargin={8}
          angle={points.length > 12 ? -30 : 0}
          textAnchor={points.length > 12 ? 'end' : 'middle'}
          height={points.length > 12 ? 64 : 30}
        />
        <YAxis allowDecimals={false} width={40} tickMargin={4} />
        <Tooltip content={TypeTooltip} cursor={{ fillOpacity: 0.08 }} />
        {riders.map((rider) => (
          <Bar
            key={rider}
            name={rider}
            dataKey={(point: TypePoint) => point.counts[rider] ?? null}
            fill={colorOf(rider)}
            radius={[3, 3, 0, 0]}
            maxBarSize={56}
            className="clickable"
            isAnimationActive={false}
            onClick={(bar) => {
              const point = bar.payload as TypePoint;
              openWorkouts({ rider, classTypes: [point.classType] });
            }}
          >
            <LabelList
              dataKey={(point: TypePoint) => point.counts[rider] ?? ''}
              position="top"
              className="bar-label"
            />
          </Bar>
        ))}
      </BarChart>
      <RiderLegend riders={riders} colorOf={colorOf} />
    </>
  );
});
