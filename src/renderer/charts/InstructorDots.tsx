import { memo, useMemo } from 'react';
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  LabelList,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import type { InstructorRow } from '../../shared/reports';
import { formatKj, plural, truncated } from '../format/numbers';
import { openInstructor } from '../store/open-workouts';
import { niceAxis } from './nice-axis';
import { TooltipBox } from './TooltipBox';

type Props = { rows: InstructorRow[]; rider: string; color: string };

type Dot = InstructorRow & { label: string };

/** F9's order and labels: ascending average output, `Name (n)`. */
export function rankInstructors(rows: InstructorRow[]): Dot[] {
  return [...rows]
    .sort((a, b) => a.avgOutputKj - b.avgOutputKj || a.instructor.localeCompare(b.instructor))
    .map((row) => ({ ...row, label: `${row.instructor} (${row.workouts})` }));
}

function DotTooltip({ active, payload }: TooltipContentProps) {
  const dot = payload?.[0]?.payload as Dot | undefined;
  if (!active || !dot) return null;
  return (
    <TooltipBox
      title={`${dot.instructor} · ${dot.lengthMin} min`}
      items={[
        { name: 'Average output', value: formatKj(dot.avgOutputKj) },
        { name: 'Classes', value: plural(dot.workouts, 'class', 'classes') },
      ]}
      hint="Click to open this instructor's page"
    />
  );
}

function dotShape(color: string) {
  return ({ x, y, width, height }: BarShapeProps) => (
    <circle cx={x + width} cy={y + height / 2} r={6} fill={color} className="clickable" />
  );
}

/** F9, one class length: a dot per instructor at the rider's average output, lowest first. */
export const InstructorDots = memo(function InstructorDots({ rows, rider, color }: Props) {
  const dots = useMemo(() => rankInstructors(rows), [rows]);
  const { domain, ticks } = niceAxis(dots.map((dot) => dot.avgOutputKj));
  return (
    <BarChart
      responsive
      layout="vertical"
      data={dots}
      margin={{ top: 4, right: 44, bottom: 0, left: 4 }}
      style={{ width: '100%', height: 34 + dots.length * 26 }}
      accessibilityLayer
      aria-label={`${rider}: average output by instructor`}
    >
      <CartesianGrid horizontal={false} />
      <XAxis type="number" domain={domain} ticks={ticks} allowDataOverflow />
      <YAxis type="category" dataKey="label" width={170} interval={0} tickMargin={4} />
      <Tooltip content={DotTooltip} cursor={{ fillOpacity: 0.06 }} />
      <Bar
        dataKey="avgOutputKj"
        shape={dotShape(color)}
        isAnimationActive={false}
        onClick={(bar) => openInstructor((bar.payload as Dot).instructor, rider)}
      >
        <LabelList
          dataKey="avgOutputKj"
          position="right"
          offset={12}
          formatter={(value) => truncated(Number(value))}
          className="bar-label"
        />
      </Bar>
    </BarChart>
  );
});
