// biome-ignore-all lint/a11y/useSemanticElements: SVG has no <table>, <tr> or <fieldset>; ARIA roles make its cells a grid.
// biome-ignore-all lint/a11y/noAriaHiddenOnFocusable: the hidden <g> holds only axis text; nothing in it can take focus.

import { memo } from 'react';
import { formatLongDay, formatMonth } from '../format/dates';
import { addDays, daysBetween, weekdayIndex } from '../format/days';
import { weekdayLabel } from '../format/labels';
import { plural } from '../format/numbers';
import { openWorkouts } from '../store/open-workouts';
import { useRovingGrid } from './use-roving-grid';
import { HeatScale } from './WeekdayHourHeatmap';

type Props = {
  counts: Map<string, number>;
  first: string;
  last: string;
  rider: string | null;
  color: string;
};

const cell = 14;
const gap = 3;
const left = 32;
const top = 18;

/** A cell per day (columns are weeks from Monday), darker for more workouts; click a day to list it. */
export const CalendarHeatmap = memo(function CalendarHeatmap({ counts, first, last, rider, color }: Props) {
  const start = addDays(first, -weekdayIndex(first));
  const weeks = Math.floor(daysBetween(start, last) / 7) + 1;
  const max = Math.max(1, ...counts.values());
  const width = left + weeks * (cell + gap);
  const height = top + 7 * (cell + gap) + 28;
  const dayAt = (row: number, column: number) => addDays(start, column * 7 + row);
  const inRange = (day: string) => day >= first && day <= last;
  const open = (day: string) => {
    if ((counts.get(day) ?? 0) > 0) openWorkouts({ rider, from: day, to: day });
  };
  // Tab lands on the latest day with a workout, where the calendar's news is.
  const latest = [...counts.keys()].filter(inRange).sort().pop() ?? last;
  const { grid, cellProps } = useRovingGrid({
    rows: 7,
    columns: weeks,
    exists: (row, column) => inRange(dayAt(row, column)),
    start: [weekdayIndex(latest), Math.floor(daysBetween(start, latest) / 7)],
    activate: (row, column) => open(dayAt(row, column)),
  });
  const rows = Array.from({ length: 7 }, (_, row) =>
    Array.from({ length: weeks }, (_, column) => dayAt(row, column)).filter(inRange),
  );

  return (
    <div className="heatmap-scroll">
      <svg
        ref={grid}
        className="heatmap"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="group"
        aria-label={`Workouts per day from ${first} to ${last}`}
      >
        <g aria-hidden="true">
          {[1, 3, 5].map((weekday) => (
            <text
              key={weekday}
              x={left - 6}
              y={top + (weekday - 1) * (cell + gap) + cell - 3}
              className="axis-text"
              textAnchor="end"
            >
              {weekdayLabel(weekday)}
            </text>
          ))}
          {rows
            .flat()
            .filter((day) => day.endsWith('-01') || (day === first && Number(day.slice(8)) <= 14))
            .map((day) => (
              <text
                key={day}
                x={left + Math.floor(daysBetween(start, day) / 7) * (cell + gap)}
                y={12}
                className="axis-text"
              >
                {formatMonth(day.slice(0, 7)).split(' ')[0]}
              </text>
            ))}
        </g>
        <g role="grid" aria-label="Days by weekday and week; arrow keys move, Enter lists the day's workouts">
          {rows.map((days, row) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are the weekdays, in order.
            <g key={row} role="row">
              {days.map((day) => {
                const column = Math.floor(daysBetween(start, day) / 7);
                const count = counts.get(day) ?? 0;
                return (
                  <rect
                    key={day}
                    role="gridcell"
                    {...cellProps(row, column)}
                    aria-label={`${formatLongDay(day)}, ${count > 0 ? plural(count, 'workout', 'workouts') : 'no workouts'}`}
                    x={left + column * (cell + gap)}
                    y={top + row * (cell + gap)}
                    width={cell}
                    height={cell}
                    rx={3}
                    className={count > 0 ? 'heat-cell clickable' : 'heat-cell heat-empty'}
                    fill={count > 0 ? color : undefined}
                    fillOpacity={count > 0 ? 0.25 + 0.75 * (count / max) : undefined}
                    onClick={count > 0 ? () => open(day) : undefined}
                  >
                    <title>{`${day}: ${plural(count, 'workout', 'workouts')}`}</title>
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
