import { useMemo } from 'react';
import { BoxPlotChart } from '../charts/BoxPlotChart';
import { ButterflyChart } from '../charts/ButterflyChart';
import { ChartPanel } from '../charts/ChartPanel';
import { ClassTypesChart } from '../charts/ClassTypesChart';
import { MonthlyCountsChart } from '../charts/MonthlyCountsChart';
import { ProportionTable } from '../charts/ProportionTable';
import { StackedShareChart } from '../charts/StackedShareChart';
import { useRiderColors } from '../charts/use-rider-colors';
import { FilterBar } from '../components/FilterBar';
import { NoMatch } from '../components/NoMatch';
import { ScreenHeader } from '../components/ScreenHeader';
import { classTypeLabel } from '../format/labels';
import { useAppStore } from '../store/app-store';
import { rideSubset } from '../store/filters';
import { panelState, useReport } from '../store/use-report';

const noData = 'No workouts match these filters — widen the dates or choose other riders or class types.';

/** Riders side by side: F1 per month, F2 by class type, F3/F4 shares, F6 output by class length. */
export function RidersScreen() {
  const filters = useAppStore((state) => state.filters);
  const monthly = useReport('monthly-counts');
  const types = useReport('class-types');
  const boxes = useReport('output-by-length');
  const riders = [...new Set((types.value ?? []).map((row) => row.rider))].sort();
  const colorOf = useRiderColors(riders);
  const [first = '', second = ''] = riders;
  // One array while the pair stays the same, so the memoised butterfly skips a filter click's render.
  const pair = useMemo((): [string, string] => [first, second], [first, second]);
  const ride = rideSubset(filters);
  const rideText = `${ride.classTypes.map(classTypeLabel).join(' and ')} rides above ${ride.minOutputKj} kJ and ${ride.minLengthMin} minutes`;

  return (
    <>
      <ScreenHeader title="Riders" />
      <FilterBar ride />
      {types.value?.length === 0 ? <NoMatch /> : null}
      <div className="screen-body" hidden={types.value?.length === 0}>
        <ChartPanel
          title="Workouts per month"
          label="Workouts per month per rider"
          subtitle="Every class type; a month without a workout counts as 0. Click a month to list its workouts."
          testId="chart-monthly-counts"
          {...panelState(monthly)}
          rows={monthly.value ?? []}
          empty={noData}
        >
          <MonthlyCountsChart rows={monthly.value ?? []} colorOf={colorOf} />
        </ChartPanel>
        <ChartPanel
          title="Classes by type"
          subtitle="Each bar carries its count. Click a bar to list those classes."
          testId="chart-class-types"
          {...panelState(types)}
          rows={types.value ?? []}
          empty={noData}
        >
          <ClassTypesChart rows={types.value ?? []} colorOf={colorOf} />
        </ChartPanel>
        <div className="chart-grid chart-grid-5-7">
          <ChartPanel
            title="Share of each class type"
            subtitle="Classes of a type ÷ the rider's classes, as the notebook's table rounds it."
            testId="table-proportions"
            {...panelState(types)}
            rows={types.value ?? []}
            image={false}
            empty={noData}
          >
            <ProportionTable rows={types.value ?? []} />
          </ChartPanel>
          <ChartPanel
            title={riders.length === 2 ? 'Class mix, rider against rider' : 'Class mix per rider'}
            subtitle={
              riders.length === 2
                ? 'Shares of each rider’s workouts, mirrored around 0.'
                : 'Each bar is 100 % of a rider’s workouts.'
            }
            testId="chart-class-mix"
            {...panelState(types)}
            rows={types.value ?? []}
            empty={noData}
          >
            {riders.length === 2 ? (
              <ButterflyChart rows={types.value ?? []} riders={pair} colorOf={colorOf} />
            ) : (
              <StackedShareChart rows={types.value ?? []} />
            )}
          </ChartPanel>
        </div>
        <ChartPanel
          title="Output by class length"
          subtitle={`Box: middle half of ${rideText}; thick line: median; whiskers: lowest to highest. Output in kJ.`}
          testId="chart-output-by-length"
          {...panelState(boxes)}
          rows={boxes.value ?? []}
          empty="No rides match these filters — widen the dates or loosen the ride subset."
        >
          <BoxPlotChart rows={boxes.value ?? []} colorOf={colorOf} rideTypes={ride.classTypes} />
        </ChartPanel>
      </div>
    </>
  );
}
