import { CalendarHeatmap } from '../charts/CalendarHeatmap';
import { ChartPanel } from '../charts/ChartPanel';
import { MonthlyOutputChart } from '../charts/MonthlyOutputChart';
import { RecordsTable } from '../charts/RecordsTable';
import { useRiderColors } from '../charts/use-rider-colors';
import { WeekdayHourHeatmap } from '../charts/WeekdayHourHeatmap';
import { WeeklyVolumeChart } from '../charts/WeeklyVolumeChart';
import { FilterBar } from '../components/FilterBar';
import { NoMatch } from '../components/NoMatch';
import { ScreenHeader } from '../components/ScreenHeader';
import { EmptyState, LoadingState } from '../components/States';
import { StreakCards } from '../components/StreakCards';
import { dayIn } from '../format/days';
import { useAppStore } from '../store/app-store';
import { useCalendar } from '../store/use-calendar';
import { panelState, useReport } from '../store/use-report';
import { useDisplayZone } from '../store/use-report-filter';

/** One rider's trends: F7, records, streaks, calendar, weekday × hour and weekly volume. */
export function RiderScreen() {
  const riders = useAppStore((state) => state.data.riders.value);
  const detail = useAppStore((state) => state.detail);
  const chosen = useAppStore((state) => state.filters.riders);
  const setDetail = useAppStore((state) => state.setDetail);
  const rider =
    riders?.find((r) => r.id === detail) ?? riders?.find((r) => r.id === chosen[0]) ?? riders?.[0];
  const only = rider ? { riders: [rider.id] } : {};
  const skip = !rider;
  const output = useReport('monthly-output', only, skip);
  const records = useReport('records', only, skip);
  const streaks = useReport('streaks', only, skip);
  const hours = useReport('weekday-hour', only, skip);
  const weekly = useReport('weekly', only, skip);
  const calendar = useCalendar(rider?.id ?? null, weekly.value);
  const colorOf = useRiderColors([]);
  const color = colorOf(rider?.name ?? '');
  const zone = useDisplayZone();
  const name = rider?.name ?? null;

  if (!riders) return <LoadingState what="the riders" />;
  if (!rider) {
    return (
      <>
        <ScreenHeader title="Rider" />
        <EmptyState>
          <p>
            No riders yet — add one in <a href="#/settings">Settings</a> or import a CSV from the Overview.
          </p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <ScreenHeader title={rider.name}>
        <fieldset className="chip-group rider-picker" aria-label="Rider">
          {riders.map((r) => (
            <button
              key={r.id}
              type="button"
              className="chip"
              aria-pressed={r.id === rider.id}
              onClick={() => setDetail(r.id)}
            >
              <span className="swatch" style={{ background: colorOf(r.name) }} aria-hidden="true" />
              {r.name}
            </button>
          ))}
        </fieldset>
      </ScreenHeader>
      <FilterBar riders={false} ride />
      {weekly.value?.length === 0 ? <NoMatch what={`workouts of ${rider.name}`} /> : null}
      <div className="screen-body" hidden={weekly.value?.length === 0}>
        <div className="chart-grid">
          <ChartPanel
            title="Streaks"
            testId="panel-streaks"
            {...panelState(streaks)}
            rows={streaks.value ?? []}
            image={false}
            empty="No workouts in these dates, so no streaks."
          >
            <StreakCards row={streaks.value?.[0]} />
          </ChartPanel>
          <ChartPanel
            title="Records"
            subtitle="Best ride output per class length."
            testId="table-records"
            {...panelState(records)}
            rows={records.value ?? []}
            image={false}
            empty="No rides in these dates."
          >
            <RecordsTable rows={records.value ?? []} zoneDay={(instant) => dayIn(instant, zone)} />
          </ChartPanel>
        </div>
        <ChartPanel
          title="Average output by class length"
          subtitle="Monthly average of the ride subset, a line per class length; months without rides are bridged. Output in kJ."
          testId="chart-monthly-output"
          {...panelState(output)}
          rows={output.value ?? []}
          empty="No rides match these filters — widen the dates or loosen the ride subset."
        >
          <MonthlyOutputChart rows={output.value ?? []} rider={name} />
        </ChartPanel>
        <ChartPanel
          title="Calendar"
          subtitle={
            calendar.value?.capped
              ? 'Workouts per day (showing the most recent 3,000 workouts only).'
              : 'Workouts per day over the last year with data. Click a day to list it.'
          }
          testId="chart-calendar"
          {...panelState(calendar)}
          rows={
            calendar.value ? [...calendar.value.counts].map(([day, workouts]) => ({ day, workouts })) : []
          }
          empty="No workouts in these dates."
        >
          {calendar.value ? <CalendarHeatmap {...calendar.value} rider={name} color={color} /> : null}
        </ChartPanel>
        <ChartPanel
          title="When you train"
          subtitle="Workouts by weekday and starting hour, in the display time zone."
          testId="chart-weekday-hour"
          {...panelState(hours)}
          rows={hours.value ?? []}
          empty="No workouts in these dates."
        >
          <WeekdayHourHeatmap rows={hours.value ?? []} rider={name} color={color} />
        </ChartPanel>
        <ChartPanel
          title="Weekly volume"
          subtitle="Minutes of classes per ISO week; empty weeks show as gaps. Click a week to list it."
          testId="chart-weekly"
          {...panelState(weekly)}
          rows={weekly.value ?? []}
          empty="No workouts in these dates."
        >
          <WeeklyVolumeChart rows={weekly.value ?? []} rider={name} color={color} />
        </ChartPanel>
      </div>
    </>
  );
}
