import { formatMonth } from '../format/dates';
import { addDays, daysBetween, weekdayIndex } from '../format/days';
import { weekdayLabel } from '../format/labels';
import { plural } from '../format/numbers';
import { openWorkouts } from '../store/open-workouts';
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
export function CalendarHeatmap({ counts, first, last, rider, color }: Props) {
  const start = addDays(first, -weekdayIndex(first));
  const weeks = Math.floor(daysBetween(start, last) / 7) + 1;
  const max = Math.max(1, ...counts.values());
  const width = left + weeks * (cell + gap);
  const height = top + 7 * (cell + gap) + 28;
  const days = Array.from({ length: weeks * 7 }, (_, i) => addDays(start, i)).filter(
    (day) => day >= first && day <= last,
  );

  return (
    <div className="heatmap-scroll">
      <svg
        className="heatmap"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={`Workouts per day from ${first} to ${last}`}
      >
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
        {days.map((day) => {
          const column = Math.floor(daysBetween(start, day) / 7);
          const row = weekdayIndex(day);
          const count = counts.get(day) ?? 0;
          const x = left + column * (cell + gap);
          return (
            <g key={day}>
              {day.endsWith('-01') || (day === first && Number(day.slice(8)) <= 14) ? (
                <text x={x} y={12} className="axis-text">
                  {formatMonth(day.slice(0, 7)).split(' ')[0]}
                </text>
              ) : null}
              {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the Workouts screen lists the same. */}
              <rect
                x={x}
                y={top + row * (cell + gap)}
                width={cell}
                height={cell}
                rx={3}
                className={count > 0 ? 'heat-cell clickable' : 'heat-cell heat-empty'}
                fill={count > 0 ? color : undefined}
                fillOpacity={count > 0 ? 0.25 + 0.75 * (count / max) : undefined}
                onClick={count > 0 ? () => openWorkouts({ rider, from: day, to: day }) : undefined}
              >
                <title>{`${day}: ${plural(count, 'workout', 'workouts')}`}</title>
              </rect>
            </g>
          );
        })}
        <HeatScale x={left} y={top + 7 * (cell + gap) + 8} color={color} max={max} />
      </svg>
    </div>
  );
}
