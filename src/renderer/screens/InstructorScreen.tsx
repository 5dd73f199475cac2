import { useState } from 'react';
import { ChartPanel } from '../charts/ChartPanel';
import { MonthlyOutputChart } from '../charts/MonthlyOutputChart';
import { FilterBar } from '../components/FilterBar';
import { Pager } from '../components/Pager';
import { ScreenHeader } from '../components/ScreenHeader';
import type { Sort } from '../components/SortHeader';
import { WorkoutsTable } from '../components/WorkoutsTable';
import { formatOneDecimal, plural } from '../format/numbers';
import { useAppStore } from '../store/app-store';
import { panelState, useReport } from '../store/use-report';
import { defaultSort, pageSize, type SortKey, useWorkoutsPage } from '../store/workouts-query';

/** One instructor: the chosen riders' classes with them and their output trend in those classes. */
export function InstructorScreen({ instructor }: { instructor: string }) {
  const chosen = useAppStore((state) => state.filters.riders);
  const only = { instructors: [instructor] };
  const summary = useReport('instructors', only);
  const trend = useReport('monthly-output', only);
  const [sort, setSort] = useState<Sort<SortKey>>(defaultSort);
  const [page, setPage] = useState(1);
  const classes = useWorkoutsPage(only, sort, page);
  const riders = [...new Set((trend.value ?? []).map((row) => row.rider))].sort();

  return (
    <>
      <ScreenHeader title={instructor}>
        <a href="#/instructors" className="small">
          ← All instructors
        </a>
      </ScreenHeader>
      <FilterBar ride />
      <div className="screen-body">
        <ChartPanel
          title={`Rides with ${instructor}`}
          subtitle="Ride subset, per rider and class length."
          testId="table-instructor-summary"
          {...panelState(summary)}
          rows={summary.value ?? []}
          image={false}
          empty={`No rides with ${instructor} match these filters.`}
        >
          <ul className="instructor-summary">
            {(summary.value ?? []).map((row) => (
              <li key={`${row.rider}\n${row.lengthMin}`} className="card">
                <p className="muted small">
                  {row.rider} · {row.lengthMin} min
                </p>
                <p className="strong">{formatOneDecimal(row.avgOutputKj)} kJ</p>
                <p className="muted small">average of {plural(row.workouts, 'class', 'classes')}</p>
              </li>
            ))}
          </ul>
        </ChartPanel>
        {(riders.length > 0 ? riders : ['']).map((rider) => (
          <ChartPanel
            key={rider}
            title={`Output trend with ${instructor}${rider ? `: ${rider}` : ''}`}
            subtitle="Monthly average output per class length (kJ); months without a ride are bridged."
            testId="chart-instructor-trend"
            {...panelState(trend)}
            rows={(trend.value ?? []).filter((row) => row.rider === rider)}
            empty={`No rides with ${instructor} match these filters.`}
          >
            <MonthlyOutputChart
              rows={(trend.value ?? []).filter((row) => row.rider === rider)}
              rider={rider}
            />
          </ChartPanel>
        ))}
        <ChartPanel
          title={`Classes with ${instructor}`}
          subtitle={
            chosen.length === 1
              ? 'This rider’s classes of every type.'
              : 'Every type of class, for the chosen riders.'
          }
          testId="table-instructor-classes"
          {...panelState(classes)}
          rows={classes.value?.rows ?? []}
          image={false}
          empty="No classes match these filters."
        >
          <WorkoutsTable
            rows={classes.value?.rows ?? []}
            showRider={chosen.length !== 1}
            sort={sort}
            onSort={(next) => {
              setSort(next);
              setPage(1);
            }}
          />
          <Pager page={page} pageSize={pageSize} total={classes.value?.total ?? 0} onPage={setPage} />
        </ChartPanel>
      </div>
    </>
  );
}
