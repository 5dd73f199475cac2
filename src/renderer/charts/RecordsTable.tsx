import type { RecordRow } from '../../shared/reports';
import { formatDay } from '../format/dates';
import { formatOneDecimal } from '../format/numbers';
import { openWorkouts } from '../store/open-workouts';

/** The best output per class length, with the day it happened (click to see that day's workouts). */
export function RecordsTable({ rows, zoneDay }: { rows: RecordRow[]; zoneDay: (instant: string) => string }) {
  const sorted = [...rows].sort((a, b) => a.lengthMin - b.lengthMin);
  return (
    <table className="data-table" aria-label="Best output per class length">
      <thead>
        <tr>
          <th scope="col" className="num">
            Length
          </th>
          <th scope="col" className="num">
            Best output (kJ)
          </th>
          <th scope="col">Date</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => {
          const day = zoneDay(row.date);
          return (
            <tr key={`${row.rider}\n${row.lengthMin}`}>
              <td className="num">{row.lengthMin} min</td>
              <td className="num strong">{formatOneDecimal(row.bestOutputKj)}</td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    openWorkouts({ rider: row.rider, from: day, to: day, lengths: [row.lengthMin] })
                  }
                >
                  {formatDay(`${day}T12:00:00Z`)}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
