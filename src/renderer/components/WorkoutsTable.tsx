import type { WorkoutRow } from '../../shared/reports';
import { classTypeLabel } from '../format/labels';
import { formatOneDecimal } from '../format/numbers';
import {
  convertDistance,
  convertSpeed,
  distanceUnit,
  distanceUnitName,
  formatDistance,
  speedUnit,
  speedUnitName,
  useUnits,
} from '../format/units';
import { useAppStore } from '../store/app-store';
import { routeHash } from '../store/routes';
import type { SortKey } from '../store/workouts-query';
import { type Sort, SortHeader } from './SortHeader';

type Props = {
  rows: WorkoutRow[];
  sort: Sort<SortKey>;
  onSort: (sort: Sort<SortKey>) => void;
  /** Hide the rider column when every row is one rider's. */
  showRider?: boolean;
};

const sortable: { column: SortKey; label: string; full?: string; numeric?: boolean }[] = [
  { column: 'start', label: 'Date' },
  { column: 'rider', label: 'Rider' },
  { column: 'title', label: 'Class' },
  { column: 'instructor', label: 'Instructor' },
  { column: 'classType', label: 'Type' },
  { column: 'lengthMin', label: 'Min', full: 'class length in minutes', numeric: true },
  { column: 'outputKj', label: 'kJ', full: 'total output in kJ', numeric: true },
];

const integer = (value: number | null) => (value === null ? '–' : String(Math.round(value)));

/** Workouts as a table: the sortable columns the API orders by, then distance and speed (in the chosen units) and averages. */
export function WorkoutsTable({ rows, sort, onSort, showRider = true }: Props) {
  const filters = useAppStore((state) => state.filters);
  const units = useUnits();
  const headers = sortable.filter((h) => showRider || h.column !== 'rider');
  return (
    <div className="table-scroll">
      <table className="data-table workouts-table" aria-label="Workouts">
        <thead>
          <tr>
            {headers.map((h) => (
              <SortHeader key={h.column} {...h} sort={sort} onSort={onSort} />
            ))}
            <th scope="col" className="num" data-col="distance">
              <abbr title={`distance in ${distanceUnitName(units)}`}>{distanceUnit(units)}</abbr>
            </th>
            <th scope="col" className="num" data-col="speed">
              <abbr title={`average speed in ${speedUnitName(units)}`}>{speedUnit(units)}</abbr>
            </th>
            <th scope="col" className="num">
              <abbr title="average power in watts">W</abbr>
            </th>
            <th scope="col" className="num">
              <abbr title="average cadence in revolutions per minute">RPM</abbr>
            </th>
            <th scope="col" className="num">
              <abbr title="average resistance in percent">Res %</abbr>
            </th>
            <th scope="col" className="num">
              <abbr title="average heart rate in beats per minute">HR</abbr>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="nowrap" data-col="start">
                <time dateTime={row.start}>{row.localStart}</time>
              </td>
              {showRider ? (
                <td className="nowrap" data-col="rider">
                  {row.rider}
                </td>
              ) : null}
              <td className="title-cell" data-col="title">
                {row.title}
              </td>
              <td data-col="instructor">
                {row.instructor ? (
                  <a href={routeHash({ screen: 'instructors', detail: row.instructor, filters, extras: {} })}>
                    {row.instructor}
                  </a>
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
              <td className="nowrap" data-col="classType">
                {classTypeLabel(row.classType)}
              </td>
              <td className="num" data-col="lengthMin">
                {row.lengthMin}
              </td>
              <td className="num" data-col="outputKj">
                {formatOneDecimal(row.outputKj)}
              </td>
              <td className="num" data-col="distance">
                {formatDistance(convertDistance(row.distance, row.distanceUnit, units))}
              </td>
              <td className="num" data-col="speed">
                {formatOneDecimal(convertSpeed(row.avgSpeed, row.speedUnit, units))}
              </td>
              <td className="num">{integer(row.avgWatts)}</td>
              <td className="num">{integer(row.avgCadenceRpm)}</td>
              <td className="num">{integer(row.avgResistancePct)}</td>
              <td className="num">{integer(row.avgHeartRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
