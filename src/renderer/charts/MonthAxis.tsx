import { useMemo } from 'react';
import { useChartWidth, XAxis } from 'recharts';
import { formatMonth } from '../format/dates';

// Months between labels, each a calendar-friendly step (quarters, halves, years…).
const steps = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120];
/** Room one `Sep 2021` label needs at 12 px, with the gap between labels. */
const labelPx = 84;
/** The y-axis and the right margin: the chart's width less the plot's. */
const axisPx = 72;
/**
 * The right margin of a chart with this axis: room for half of a label centred on the
 * last month, which recharts would otherwise nudge inwards after measuring it.
 */
export const monthAxisMargin = { top: 8, right: 30, bottom: 0, left: 0 };

/**
 * The months to label on an axis of `months` (sorted `YYYY-MM`) drawn `width` pixels
 * wide: every Nth calendar month (January for yearly steps, quarters for 3…), with N
 * the smallest step whose labels fit side by side.
 */
export function monthTicks(months: readonly string[], width: number): string[] {
  const plot = width - axisPx;
  const fits = Math.max(1, Math.floor(plot / labelPx));
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  for (const step of steps) {
    const ticks = months.filter((month) => index(month) % step === 0);
    if (ticks.length <= fits) return ticks.length > 0 ? ticks : months.slice(0, 1);
  }
  return months.slice(0, 1);
}

/**
 * The x-axis of the per-month charts. Recharts would measure every month's label in
 * the DOM, on every draw, to drop those that collide (the costliest part of drawing
 * these charts); here the labels are picked from the chart's width instead.
 */
export function MonthAxis({ months }: { months: readonly string[] }) {
  const width = useChartWidth() ?? 0;
  const ticks = useMemo(() => monthTicks(months, width), [months, width]);
  return <XAxis dataKey="month" ticks={ticks} interval={0} tickFormatter={formatMonth} tickMargin={8} />;
}
