import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, type TooltipContentProps, XAxis, YAxis } from 'recharts';
import type { ClassTypeRow } from '../../shared/reports';
import { classTypeLabel } from '../format/labels';
import { formatPercent } from '../format/numbers';
import { openWorkouts } from '../store/open-workouts';
import { classTypeColor } from './class-type-colors';
import { Legend } from './Legend';
import { TooltipBox } from './TooltipBox';

type RiderShares = { rider: string; shares: Record<string, number> };

/** F4 for one rider or more than two: one 100 % bar per rider, a segment per class type. */
export const StackedShareChart = memo(function StackedShareChart({ rows }: { rows: ClassTypeRow[] }) {
  const { data, types } = useMemo(() => {
    const totals = new Map<string, number>();
    const byRider = new Map<string, RiderShares>();
    for (const row of rows) {
      totals.set(row.classType, (totals.get(row.classType) ?? 0) + row.workouts);
      const entry = byRider.get(row.rider) ?? { rider: row.rider, shares: {} };
      entry.shares[row.classType] = row.proportion;
      byRider.set(row.rider, entry);
    }
    const order = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([type]) => type);
    return { data: [...byRider.values()].sort((a, b) => a.rider.localeCompare(b.rider)), types: order };
  }, [rows]);

  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const row = payload?.[0]?.payload as RiderShares | undefined;
    if (!active || !row) return null;
    const items = types
      .filter((type) => row.shares[type])
      .map((type) => ({
        name: classTypeLabel(type),
        value: formatPercent(row.shares[type] ?? 0),
        color: classTypeColor(type),
      }));
    return <TooltipBox title={row.rider} items={items} hint="Share of the rider's workouts" />;
  };

  return (
    <>
      <BarChart
        responsive
        layout="vertical"
        data={data}
        margin={{ top: 4, right: 24, bottom: 0, left: 8 }}
        style={{ width: '100%', height: 40 + data.length * 44 }}
        barCategoryGap="24%"
      >
        <CartesianGrid horizontal={false} />
        <XAxis type="number" domain={[0, 1]} tickFormatter={(v) => `${Math.round(v * 100)} %`} />
        <YAxis type="category" dataKey="rider" width={130} interval={0} />
        <Tooltip content={tooltip} cursor={{ fillOpacity: 0.08 }} />
        {types.map((type) => (
          <Bar
            key={type}
            name={classTypeLabel(type)}
            dataKey={(row: RiderShares) => row.shares[type] ?? 0}
            stackId="share"
            fill={classTypeColor(type)}
            className="clickable"
            isAnimationActive={false}
            onClick={(bar) => openWorkouts({ rider: (bar.payload as RiderShares).rider, classTypes: [type] })}
          />
        ))}
      </BarChart>
      <Legend
        label="Class types"
        items={types.map((type) => ({ key: type, label: classTypeLabel(type), color: classTypeColor(type) }))}
      />
    </>
  );
});
