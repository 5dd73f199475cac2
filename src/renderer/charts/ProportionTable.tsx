import type { ClassTypeRow } from '../../shared/reports';
import { classTypeLabel } from '../format/labels';
import { formatCount, formatPercent, formatProportion } from '../format/numbers';
import { openWorkouts } from '../store/open-workouts';
import { classTypeColor } from './class-type-colors';

/** F3: each class type's share of a rider's workouts, by rider then class type, as the notebook lists it. */
export function ProportionTable({ rows }: { rows: ClassTypeRow[] }) {
  const sorted = [...rows].sort(
    (a, b) => a.rider.localeCompare(b.rider) || a.classType.localeCompare(b.classType),
  );
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Proportion of each class type per rider">
        <thead>
          <tr>
            <th scope="col">Rider</th>
            <th scope="col">Class type</th>
            <th scope="col" className="num">
              Proportion
            </th>
            <th scope="col" className="num">
              Classes
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row, index) => (
            <tr
              key={`${row.rider}\n${row.classType}`}
              className={index > 0 && sorted[index - 1]?.rider !== row.rider ? 'group-start' : undefined}
            >
              {sorted[index - 1]?.rider === row.rider ? null : (
                <th
                  scope="rowgroup"
                  rowSpan={sorted.filter((other) => other.rider === row.rider).length}
                  className="nowrap row-head"
                >
                  {row.rider}
                </th>
              )}
              <td className="nowrap">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => openWorkouts({ rider: row.rider, classTypes: [row.classType] })}
                  aria-label={`List ${row.rider}'s ${classTypeLabel(row.classType)} classes`}
                >
                  <span
                    className="swatch"
                    style={{ background: classTypeColor(row.classType) }}
                    aria-hidden="true"
                  />
                  {classTypeLabel(row.classType)}
                </button>
              </td>
              <td className="num">
                {formatProportion(row.proportion)}
                <span className="share-bar" title={formatPercent(row.proportion)} aria-hidden="true">
                  <span
                    style={{ width: `${row.proportion * 100}%`, background: classTypeColor(row.classType) }}
                  />
                </span>
              </td>
              <td className="num">{formatCount(row.workouts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
