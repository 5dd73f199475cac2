import { useState } from 'react';
import type { InstructorRow } from '../../shared/reports';
import { type Sort, SortHeader, sortRows } from '../components/SortHeader';
import { formatOneDecimal } from '../format/numbers';
import { openInstructor } from '../store/open-workouts';

type Column = 'rider' | 'instructor' | 'lengthMin' | 'avgOutputKj' | 'workouts';

const columns: { column: Column; label: string; numeric?: boolean }[] = [
  { column: 'rider', label: 'Rider' },
  { column: 'instructor', label: 'Instructor' },
  { column: 'lengthMin', label: 'Length (min)', numeric: true },
  { column: 'avgOutputKj', label: 'Avg output (kJ)', numeric: true },
  { column: 'workouts', label: 'Classes', numeric: true },
];

/** F8: average output and class count per rider, instructor and class length; sortable. */
export function InstructorTable({ rows }: { rows: InstructorRow[] }) {
  const [sort, setSort] = useState<Sort<Column>>({ by: 'avgOutputKj', dir: 'desc' });
  const sorted = sortRows(rows, sort, (row) => row[sort.by]);
  return (
    <div className="table-scroll table-tall">
      <table className="data-table" aria-label="Instructors: average output per rider and class length">
        <thead>
          <tr>
            {columns.map((c) => (
              <SortHeader key={c.column} {...c} sort={sort} onSort={setSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={`${row.rider}\n${row.instructor}\n${row.lengthMin}`}>
              <td>{row.rider}</td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => openInstructor(row.instructor, row.rider)}
                >
                  {row.instructor}
                </button>
              </td>
              <td className="num">{row.lengthMin}</td>
              <td className="num">{formatOneDecimal(row.avgOutputKj)}</td>
              <td className="num">{row.workouts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
