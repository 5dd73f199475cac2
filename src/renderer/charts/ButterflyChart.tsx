import { memo, useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  type LabelProps,
  ReferenceLine,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import type { ClassTypeRow } from '../../shared/reports';
import { classTypeLabel } from '../format/labels';
import { formatPercent, plural } from '../format/numbers';
import { openWorkouts } from '../store/open-workouts';
import { TooltipBox } from './TooltipBox';

type Props = { rows: ClassTypeRow[]; riders: [string, string]; colorOf: (rider: string) => string };

type Row = { classType: string; total: number; left: number; right: number; counts: [number, number] };

const percent = (value: unknown) => formatPercent(Math.abs(Number(value)));

/** Each bar's share at its outer end: left of the left bars, right of the right ones. */
function sideLabel(side: number) {
  return (props: LabelProps) => {
    const value = Math.abs(Number(props.value));
    if (!value) return '';
    const x = Number(props.x);
    const end = x + Number(props.width);
    const y = Number(props.y) + Number(props.height) / 2;
    return (
      <text
        x={side === 0 ? Math.min(x, end) - 4 : Math.max(x, end) + 4}
        y={y}
        dy="0.35em"
        textAnchor={side === 0 ? 'end' : 'start'}
        className="bar-label"
      >
        {value.toFixed(3)}
      </text>
    );
  };
}

/** F4 for two riders: the first rider's shares to the left of 0, the second's to the right. */
export const ButterflyChart = memo(function ButterflyChart({ rows, riders, colorOf }: Props) {
  const data = useMemo(() => {
    const byType = new Map<string, Row>();
    for (const row of rows) {
      const side = riders.indexOf(row.rider);
      if (side < 0) continue;
      const entry = byType.get(row.classType) ?? {
        classType: row.classType,
        total: 0,
        left: 0,
        right: 0,
        counts: [0, 0],
      };
      if (side === 0) entry.left = -row.proportion;
      else entry.right = row.proportion;
      entry.counts[side] = row.workouts;
      entry.total += row.workouts;
      byType.set(row.classType, entry);
    }
    return [...byType.values()].sort((a, b) => b.total - a.total);
  }, [rows, riders]);
  const reach = Math.max(0.1, ...data.map((d) => Math.max(-d.left, d.right)));
  // Room past the longest bar for its label; ticks every 0.1 or 0.2, shown without sign.
  const limit = Math.ceil((reach + 0.15) * 10) / 10;
  const step = limit > 0.4 ? 0.2 : 0.1;
  const steps = Math.floor(limit / step + 1e-9);
  const ticks = Array.from({ length: steps * 2 + 1 }, (_, i) => Math.round((i - steps) * step * 10) / 10);

  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const row = payload?.[0]?.payload as Row | undefined;
    if (!active || !row) return null;
    const items = riders.map((rider, side) => ({
      name: rider,
      value: `${percent(side === 0 ? row.left : row.right)} · ${plural(row.counts[side] ?? 0, 'class', 'classes')}`,
      color: colorOf(rider),
    }));
    return (
      <TooltipBox title={classTypeLabel(row.classType)} items={items} hint="Share of the rider's workouts" />
    );
  };

  return (
    <>
      <p className="butterfly-sides" aria-hidden="true">
        <span data-export-text>← {riders[0]}</span>
        <span data-export-text>{riders[1]} →</span>
      </p>
      <BarChart
        responsive
        layout="vertical"
        data={data}
        stackOffset="sign"
        margin={{ top: 4, right: 48, bottom: 0, left: 48 }}
        style={{ width: '100%', height: 40 + data.length * 34 }}
        barCategoryGap="22%"
      >
        <CartesianGrid horizontal={false} />
        <XAxis
          type="number"
          domain={[-limit, limit]}
          ticks={ticks}
          tickFormatter={(v) => Math.abs(v).toFixed(1)}
        />
        <YAxis type="category" dataKey="classType" tickFormatter={classTypeLabel} width={110} interval={0} />
        <Tooltip content={tooltip} cursor={{ fillOpacity: 0.08 }} />
        <ReferenceLine x={0} className="zero-line" />
        {riders.map((rider, side) => (
          <Bar
            key={rider}
            name={rider}
            dataKey={side === 0 ? 'left' : 'right'}
            stackId="share"
            fill={colorOf(rider)}
            className="clickable"
            isAnimationActive={false}
            onClick={(bar) => openWorkouts({ rider, classTypes: [(bar.payload as Row).classType] })}
          >
            <LabelList dataKey={side === 0 ? 'left' : 'right'} content={sideLabel(side)} />
          </Bar>
        ))}
      </BarChart>
    </>
  );
});
