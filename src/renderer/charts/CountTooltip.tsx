import type { TooltipContentProps } from 'recharts';
import { formatMonth } from '../format/dates';
import { plural } from '../format/numbers';

/** Tooltip of a per-month count chart: the month, then each rider's `N workouts`. */
export function CountTooltip({ active, payload, label }: TooltipContentProps) {
  if (!active || payload.length === 0) return null;
  const items = payload.filter((item) => typeof item.value === 'number');
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-label">{formatMonth(String(label))}</p>
      <ul>
        {items.map((item) => (
          <li key={String(item.name)}>
            <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
            <span className="chart-tooltip-name">{item.name}</span>
            <span className="chart-tooltip-value">{plural(Number(item.value), 'workout', 'workouts')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
