import type { InstructorRow } from '../../shared/reports';
import { ChartPanel } from '../charts/ChartPanel';
import { InstructorDots } from '../charts/InstructorDots';
import { InstructorTable } from '../charts/InstructorTable';
import { useRiderColors } from '../charts/use-rider-colors';
import { FilterBar } from '../components/FilterBar';
import { ScreenHeader } from '../components/ScreenHeader';
import { LoadingState } from '../components/States';
import { plural } from '../format/numbers';
import { panelState, useReport } from '../store/use-report';

const noRides = 'No rides match these filters — widen the dates or loosen the ride subset.';

function byRiderAndLength(rows: InstructorRow[]): Map<string, Map<number, InstructorRow[]>> {
  const riders = new Map<string, Map<number, InstructorRow[]>>();
  for (const row of [...rows].sort((a, b) => a.rider.localeCompare(b.rider) || a.lengthMin - b.lengthMin)) {
    const lengths = riders.get(row.rider) ?? new Map<number, InstructorRow[]>();
    lengths.set(row.lengthMin, [...(lengths.get(row.lengthMin) ?? []), row]);
    riders.set(row.rider, lengths);
  }
  return riders;
}

/** F9 per rider and class length, and the F8 table; an instructor's name opens their page. */
export function InstructorsScreen() {
  const query = useReport('instructors');
  const rows = query.value ?? [];
  const grouped = byRiderAndLength(rows);
  const colorOf = useRiderColors([...grouped.keys()]);

  return (
    <>
      <ScreenHeader title="Instructors" />
      <FilterBar ride />
      <div className="screen-body">
        {query.value === null ? (
          <ChartPanel
            title="Average output by instructor"
            testId="chart-instructors"
            {...panelState(query)}
            rows={[]}
          >
            <LoadingState what="instructors" />
          </ChartPanel>
        ) : grouped.size === 0 ? (
          <ChartPanel
            title="Average output by instructor"
            testId="chart-instructors"
            {...panelState(query)}
            rows={[]}
            empty={noRides}
          >
            {null}
          </ChartPanel>
        ) : (
          [...grouped].map(([rider, lengths]) => (
            <ChartPanel
              key={rider}
              title={`${rider}: average output by instructor`}
              subtitle="Ride subset, lowest average first; labels are “Name (classes)”, values in kJ truncated to whole numbers. Click a dot to open the instructor."
              testId={`chart-instructors-${rider}`}
              {...panelState(query)}
              rows={rows.filter((row) => row.rider === rider)}
            >
              <div className="small-multiples">
                {[...lengths].map(([length, forLength]) => (
                  <section
                    key={length}
                    className="small-multiple"
                    aria-label={`${rider}, ${length}-minute classes`}
                  >
                    <h3 data-export-text>
                      {length}-minute classes{' '}
                      <span className="muted">({plural(forLength.length, 'instructor', 'instructors')})</span>
                    </h3>
                    <InstructorDots rows={forLength} rider={rider} color={colorOf(rider)} />
                  </section>
                ))}
              </div>
            </ChartPanel>
          ))
        )}
        <ChartPanel
          title="Instructor table"
          subtitle="Sort by any column; click a name to open the instructor."
          testId="table-instructors"
          {...panelState(query)}
          rows={rows}
          image={false}
          empty={noRides}
        >
          <InstructorTable rows={rows} />
        </ChartPanel>
      </div>
    </>
  );
}
