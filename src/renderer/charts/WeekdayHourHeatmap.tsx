// biome-ignore-all lint/a11y/useSemanticElements: SVG has no <table>, <tr> or <fieldset>; ARIA roles make its cells a grid.
// biome-ignore-all lint/a11y/noAriaHiddenOnFocusable: the hidden <g> holds only axis text; nothing in it can take focus.

import { memo } from 'react';
import type { WeekdayHourRow } from '../../shared/reports';
import { hourLabel, weekdayLabel, weekdayName } from '../format/labels';
import { plural } from '../format/numbers';
import { openWorkouts } from '../store/open-workouts';
import { useRovingGrid } from './use-roving-grid';

type Props = { rows: WeekdayHourRow[]; rider: string | null; color: string };

const hours = Array.from({ length: 24 }, (_, hour) => hour);
const weekdays = [1, 2, 3, 4, 5, 6, 7];
const cell = 26;
const gap = 3;
const left = 40;
const top = 22;

/** F10: when the rider trains, a cell per weekday and hour, darker for more workouts. */
export const WeekdayHourHeatmap = memo(function WeekdayHourHeatmap({ rows, rider, color }: Props) {
  const counts = new Map<string, number>();
  for (const row of rows)
    counts.set(`${row.weekday}:${row.hour}`, (counts.get(`${row.weekday}:${row.hour}`) ?? 0) + row.workouts);
  const max = Math.max(1, ...counts.values());
  const countAt = (weekday: number, hour: number) => counts.get(`${weekday}:${hour}`) ?? 0;
  const width = left + 24 * (cell + gap);
  const height = top + 7 * (cell + gap) + 30;
  const open = (weekday: number, hour: number) => {
    const count = countAt(weekday, hour);
    if (count === 0) return;
    openWorkouts({
      rider,
      note:
        `You picked ${weekdayLabel(weekday)} ${hourLabel(hour)}–${hourLabel((hour + 1) % 24)} ` +
        `(${plural(count, 'workout', 'workouts')}). The table cannot filter by weekday and hour, ` +
        'so it lists every workout of the rider in the chosen dates.',
    });
  };
  // Tab lands on the busiest cell: the one a keyboard user most likely wants first.
  const busiest = [...counts]
    .sort((a, b) => b[1] - a[1])[0]?.[0]
    .split(':')
    .map(Number);
  const { grid, cellProps } = useRovingGrid({
    rows: 7,
    columns: 24,
    start: busiest ? [(busiest[0] ?? 1) - 1, busiest[1] ?? 0] : [0, 0],
    activate: (row, hour) => open(row + 1, hour),
  });

  return (
    <div className="heatmap-scroll">
      <svg
        ref={grid}
        className="heatmap"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="group"
        aria-label={`Workouts by weekday and hour${rider ? ` for ${rider}` : ''}`}
      >
        <g aria-hidden="true">
          {hours.map((hour) =>
            hour % 3 === 0 ? (
              <text
                key={`h${hour}`}
                x={left + hour * (cell + gap) + cell / 2}
                y={14}
                className="axis-text"
                textAnchor="middle"
              >
                {String(hour).padStart(2, '0')}
              </text>
            ) : null,
          )}
          {weekdays.map((weekday) => (
            <text
              key={weekday}
              x={left - 8}
              y={top + (weekday - 1) * (cell + gap) + cell / 2 + 4}
              className="axis-text"
              textAnchor="end"
            >
              {weekdayLabel(weekday)}
            </text>
          ))}
        </g>
        <g
          role="grid"
          aria-label={`Workouts by weekday and starting hour${rider ? ` for ${rider}` : ''}; arrow keys move, Enter lists the workouts`}
        >
          {weekdays.map((weekday) => (
            <g key={weekday} role="row">
              {hours.map((hour) => {
                const count = countAt(weekday, hour);
                const span = `${hourLabel(hour)}–${hourLabel((hour + 1) % 24)}`;
                return (
                  <rect
                    key={hour}
                    role="gridcell"
                    {...cellProps(weekday - 1, hour)}
                    aria-label={`${weekdayName(weekday)} ${hourLabel(hour)}, ${count > 0 ? plural(count, 'workout', 'workouts') : 'no workouts'}`}
                    x={left + hour * (cell + gap)}
                    y={top + (weekday - 1) * (cell + gap)}
                    width={cell}
                    height={cell}
                    rx={4}
                    className={count > 0 ? 'heat-cell clickable' : 'heat-cell heat-empty'}
                    fill={count > 0 ? color : undefined}
                    fillOpacity={count > 0 ? 0.18 + 0.82 * (count / max) : undefined}
                    onClick={count > 0 ? () => open(weekday, hour) : undefined}
                  >
                    <title>{`${weekdayLabel(weekday)} ${span}: ${plural(count, 'workout', 'workouts')}`}</title>
                  </rect>
                );
              })}
            </g>
          ))}
        </g>
        <HeatScale x={left} y={top + 7 * (cell + gap) + 8} color={color} max={max} />
      </svg>
    </div>
  );
});

/** The key: five steps from few to the busiest cell's count. */
export function HeatScale({ x, y, color, max }: { x: number; y: number; color: string; max: number }) {
  return (
    <g>
      <text x={x} y={y + 11} className="axis-text">
        Fewer
      </text>
      {[0.2, 0.4, 0.6, 0.8, 1].map((share, index) => (
        <rect
          key={share}
          x={x + 44 + index * 16}
          y={y}
          width={13}
          height={13}
          rx={3}
          fill={color}
          fillOpacity={0.18 + 0.82 * share}
        />
      ))}
      <text x={x + 44 + 5 * 16 + 4} y={y + 11} className="axis-text">
        {`More (busiest: ${max})`}
      </text>
    </g>
  );
}
